using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Mnas.Api.Campaigns;
using Mnas.Grains;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Contract;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Supernet;

namespace Mnas.Api.OpenApi;

/// <summary>
/// The schemas of a campaign submission, generated from what the validator itself uses, so the two cannot drift: the
/// record tree of <see cref="CampaignSpec"/> (keys, types, which keys are required and which accept null), the ranges
/// of <see cref="CampaignRanges"/>, the known names (ops, skips, activations, proxy data sets, strategies), the form of a
/// supernet candidate's name and the defaults of a new spec. Every object refuses unknown keys, as the validator does.
/// </summary>
internal sealed class CampaignSchemas
{
    public const string Submission = "CampaignSubmission";

    private static readonly JsonSerializerOptions SpecJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly Dictionary<string, IReadOnlyList<string>> Names = new(StringComparer.Ordinal)
    {
        ["search_space.ops[]"] = OpNames.Known,
        ["search_space.skips[]"] = EnumNames<SkipOp>.Known,
        ["skeleton.activation"] = EnumNames<Activation>.Known,
        ["proxy.dataset"] = ProxyDatasets.Names,
        ["bnnas.training"] = [BnNasSpec.BnTraining, BnNasSpec.FullTraining],
        ["proxy.optimizer"] = ProxySpec.Optimizers,
        ["fbnetv3.recipe.optimizers[]"] = ProxySpec.Optimizers,
    };

    /// <summary>The recipe dimensions searched on a log scale, whose ranges start above 0.</summary>
    private static readonly HashSet<string> LogScale = ["fbnetv3.recipe.learning_rate", "fbnetv3.recipe.weight_decay"];

    private const string OptimizerText = "sgd (with proxy.momentum), rmsprop (with proxy.momentum) or adamw (decoupled weight decay)";

    /// <summary>
    /// A supernet candidate's name exactly as <see cref="SupernetCandidate.Problem"/> accepts it: <c>skip</c>,
    /// <c>k{kernel}_e{expansion}</c> with one or two digits each, an odd kernel up to 11 and an expansion of at least 1, or
    /// the same with <c>_g{groups}</c>, at least 2 groups. A test holds the two to the same names.
    /// </summary>
    public const string CandidatePattern = "^(skip|" + BlockPattern + ")$";

    /// <summary>A BN-NAS candidate: a supernet candidate other than <c>skip</c>, which ends with no batch norm to score.</summary>
    public const string BnNasCandidatePattern = "^" + BlockPattern + "$";

    private const string BlockPattern = "k(0?[13579]|11)_e(0?[1-9]|[1-9][0-9])(_g(0?[2-9]|[1-9][0-9]))?";

    /// <summary>The fields whose default is none: null is accepted there and means the same as leaving the key out.</summary>
    private static readonly HashSet<string> Optional =
        ["proxy.train_subset_size", "proxy.device_class", "proxy.dropout", "target.device_class", "children", "hours", "id"];

    private readonly OpenApiDocument document;
    private readonly Dictionary<string, IOpenApiSchema> components;

    private CampaignSchemas(OpenApiDocument document)
    {
        this.document = document;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        components = (Dictionary<string, IOpenApiSchema>)(document.Components.Schemas as Dictionary<string, IOpenApiSchema>
            ?? new Dictionary<string, IOpenApiSchema>(document.Components.Schemas));
        document.Components.Schemas = components;
    }

    /// <summary>Adds the submission's schemas to <paramref name="document"/>'s components and returns a reference to the submission's.</summary>
    public static IOpenApiSchema AddTo(OpenApiDocument document) => new CampaignSchemas(document).AddSubmission();

    private IOpenApiSchema AddSubmission()
    {
        var spec = Record(typeof(CampaignSpec), "", JsonSerializer.SerializeToNode(new CampaignSpec(), SpecJson));
        var submission = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A campaign: its spec and how it runs. A key left out takes its default; null is refused except for children, " +
                "hours and id, where it means the same as leaving the key out. Every problem is answered at once, by field path, as a 400.",
            AdditionalPropertiesAllowed = false,
            Required = new HashSet<string> { "spec" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["spec"] = spec,
                ["strategy"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String, Enum = CampaignSettings.Strategies.Select(n => (JsonNode)JsonValue.Create(n)).ToList(),
                    Default = JsonValue.Create("rl"),
                    Description = "the search strategy: rl (MnasNet's controller), random, fbnet (FBNet's DNAS: a supernet trained once, " +
                        "its children drawn from P_θ; spec.dnas), fbnetv2 (fbnet with FBNetV2's channel and resolution search), bn-nas " +
                        "(BN-NAS: a single-path supernet trained once, only its batch norms by default, then an evolution over its BN " +
                        "indicator under the constraints chooses the subnets trained as children; spec.bnnas), fbnetv3 (FBNetV3: " +
                        "architectures and training recipes searched together, a predictor fitted on the trained children choosing " +
                        "the next under the constraints; spec.fbnetv3) or memnas (MemNAS: a base network grown and trimmed each round, a " +
                        "ranking controller choosing which candidates train, the best by memory efficiency becoming the next base; " +
                        "spec.memnas)",
                },
                ["children"] = Ranged(CampaignRanges.ForSubmission("children"), nullable: true, null,
                    "children to evaluate (default 20 when hours is not given either)"),
                ["hours"] = Ranged(CampaignRanges.ForSubmission("hours"), nullable: true, null, null),
                ["minibatch"] = Ranged(CampaignRanges.ForSubmission("minibatch"), nullable: false, JsonValue.Create(20), null),
                ["seed"] = Ranged(CampaignRanges.ForSubmission("seed"), nullable: false, JsonValue.Create(0), null),
                ["id"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String | JsonSchemaType.Null, Pattern = CampaignRanges.IdPattern, MaxLength = 64,
                    Description = "the campaign's id (default: the spec's name, the time and a random suffix)",
                },
            },
        };
        components[Submission] = submission;
        return new OpenApiSchemaReference(Submission, document);
    }

    /// <summary>The schema of a record (a component named after it), with its keys as the spec files write them.</summary>
    private IOpenApiSchema Record(Type type, string path, JsonNode? defaults)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        var nullability = new NullabilityInfoContext();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var key = JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
            var fieldPath = path.Length == 0 ? key : $"{path}.{key}";
            var nullable = nullability.Create(property).WriteState == NullabilityState.Nullable;
            properties[key] = Field(property.PropertyType, fieldPath, nullable, defaults?[key]);
        }

        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            AdditionalPropertiesAllowed = false,
            Properties = properties,
            Required = RequiredKeys(type),
            Description = path.Length == 0 ? "a campaign spec: the keys of a spec file (docs/campaign-contract.md)" : null,
        };
        var name = type.Name;
        components[name] = schema;
        return new OpenApiSchemaReference(name, document);
    }

    private IOpenApiSchema Field(Type type, string path, bool nullable, JsonNode? defaultValue)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        nullable |= underlying is not null;
        type = underlying ?? type;
        if (type == typeof(int) || type == typeof(long) || type == typeof(double))
        {
            return Ranged(CampaignRanges.ForSpec(path), nullable, defaultValue?.DeepClone(), null);
        }

        if (type == typeof(string))
        {
            return Text(path, nullable, defaultValue);
        }

        if (type == typeof(bool))
        {
            return new OpenApiSchema
            {
                Type = nullable ? JsonSchemaType.Boolean | JsonSchemaType.Null : JsonSchemaType.Boolean,
                Default = defaultValue?.DeepClone(),
                Description = path == "dnas.hard" ? "straight-through (one-hot) Gumbel samples instead of soft ones" : null,
            };
        }

        if (ElementType(type) is { } element)
        {
            return List(path, element, defaultValue);
        }

        if (type == typeof(RecipeRange))
        {
            return RecipeDimension(CampaignRanges.ForSpec(path), defaultValue);
        }

        // A nested record: a reference has no siblings, so its default stays on the record's own properties.
        return Record(type, path, defaultValue);
    }

    private IOpenApiSchema List(string path, Type element, JsonNode? defaultValue)
    {
        var items = CampaignRanges.Spec.FirstOrDefault(r => r.Path == path);
        var itemPath = path + "[]";
        var itemSchema = element == typeof(SkeletonBlockSpec) ? Record(element, itemPath, null) : Field(element, itemPath, nullable: false, null);
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Items = itemSchema,
            MinItems = items is null ? null : (int)items.Minimum,
            MaxItems = items is null ? null : (int)items.Maximum,
            UniqueItems = path.StartsWith("search_space.", StringComparison.Ordinal) || path.StartsWith("dnas.", StringComparison.Ordinal) ||
                path.StartsWith("bnnas.", StringComparison.Ordinal) || path.StartsWith("fbnetv3.", StringComparison.Ordinal) ? true : null,
            Contains = MustContain(path),
            Default = defaultValue?.DeepClone(),
            Description = items is null ? null : $"{items.Reason}; accepted: {items.Interval}{ContainsText(path)}",
        };
    }

    /// <summary>What a list must hold besides its items' own rules: a candidate other than skip; the full input resolution.</summary>
    private static OpenApiSchema? MustContain(string path) => path switch
    {
        "dnas.candidates" => new OpenApiSchema { Not = new OpenApiSchema { Enum = [JsonValue.Create(SupernetCandidate.SkipName)] } },
        "dnas.resolutions" => new OpenApiSchema { Enum = [JsonValue.Create(1)] },
        _ => null,
    };

    private static string ContainsText(string path) => path switch
    {
        "dnas.candidates" => $", at least one other than {SupernetCandidate.SkipName}",
        "dnas.resolutions" => ", 1 (the full input) among them",
        _ => "",
    };

    private static OpenApiSchema Text(string path, bool nullable, JsonNode? defaultValue)
    {
        var schema = new OpenApiSchema
        {
            Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String,
            Default = defaultValue?.DeepClone(),
        };
        if (Names.TryGetValue(path, out var names))
        {
            schema.Enum = names.Select(n => (JsonNode)JsonValue.Create(n)).ToList();
            if (path == "proxy.optimizer")
            {
                schema.Description = $"the optimiser children train with: {OptimizerText}";
            }
            else if (path == "fbnetv3.recipe.optimizers[]")
            {
                schema.Description = $"an optimiser a child may train with: {OptimizerText}";
            }
            else if (path == "bnnas.training")
            {
                schema.Description = $"how the supernet trains: {BnNasSpec.BnTraining} (only the batch norms' γ and β, for bn_share of epochs) " +
                    $"or {BnNasSpec.FullTraining} (every weight, for all of them: SPOS)";
            }
        }
        else if (path == "dnas.candidates[]")
        {
            (schema.Pattern, schema.Examples, schema.Description) = (CandidatePattern,
                SupernetCandidate.DefaultNames.Select(n => (JsonNode)JsonValue.Create(n)).ToList(),
                "a candidate block: k<kernel>_e<expansion> (MobileNetV2's inverted residual, odd kernel up to 11), " +
                $"k<kernel>_e<expansion>_g<groups> (its 1×1 convolutions grouped, channels shuffled) or {SupernetCandidate.SkipName} " +
                "(the layer left out where shapes allow)");
        }
        else if (path == "bnnas.candidates[]")
        {
            (schema.Pattern, schema.Examples, schema.Description) = (BnNasCandidatePattern,
                BnNasSpec.DefaultCandidates.Select(n => (JsonNode)JsonValue.Create(n)).ToList(),
                "a candidate block: k<kernel>_e<expansion> (MobileNetV2's inverted residual, odd kernel up to 11) or " +
                $"k<kernel>_e<expansion>_g<groups> (its 1×1 convolutions grouped, channels shuffled); not {SupernetCandidate.SkipName}, " +
                "which ends with no batch norm to score");
        }
        else if (path == "name")
        {
            (schema.MinLength, schema.MaxLength, schema.Description) = (1, CampaignRanges.MaxNameLength, "the campaign's name; no control characters");
        }
        else if (path == "target.device_class")
        {
            (schema.Pattern, schema.Description) = (CampaignRanges.DeviceClassPattern,
                "the class of device latency is measured on (null: any worker's)");
        }
        else if (path == "proxy.device_class")
        {
            (schema.Pattern, schema.Description) = (CampaignRanges.DeviceClassPattern,
                "the class of device the children train on (null: any worker)");
        }

        return schema;
    }

    /// <summary>
    /// A searched recipe dimension: a range (<c>{min, max}</c>, both required) or a list (<c>{values: […]}</c>, different
    /// values), never both, every bound and value held to <paramref name="range"/> (its proxy field's); a log-scale range
    /// starts above 0. The dimension itself has no type of its own, only the two forms, so each form keeps its own keys.
    /// </summary>
    private static OpenApiSchema RecipeDimension(FieldRange range, JsonNode? defaultValue)
    {
        var logScale = LogScale.Contains(range.Path);
        var start = logScale ? range with { MinimumExclusive = true } : range;
        var absent = new OpenApiSchema { Type = JsonSchemaType.Null, Description = "the other form's key: left out or null" };
        var between = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            AdditionalPropertiesAllowed = false,
            Required = new HashSet<string> { "min", "max" },
            Description = "a range: every value from min to max" + (logScale ? ", searched on a log scale" : ""),
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["min"] = Ranged(start, nullable: false, null, "the range's lower end, at most max" + (logScale ? ", above 0 for the log scale" : "")),
                ["max"] = Ranged(range, nullable: false, null, "the range's upper end"),
                ["values"] = absent,
            },
        };
        var list = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            AdditionalPropertiesAllowed = false,
            Required = new HashSet<string> { "values" },
            Description = "a list: exactly these values",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["values"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = Ranged(range, nullable: false, null, "a value"),
                    Description = $"the values, each different; 1 to {CampaignRanges.MaxRecipeValues}",
                    MinItems = 1,
                    MaxItems = CampaignRanges.MaxRecipeValues,
                    UniqueItems = true,
                },
                ["min"] = absent,
                ["max"] = absent,
            },
        };
        return new OpenApiSchema
        {
            OneOf = [between, list],
            Default = WithoutNulls(defaultValue),
            Description = $"{range.Reason}; accepted: {range.Interval}" + (start != range ? $", a range's min {start.Interval}" : "") +
                $"; either {{min, max}} with min ≤ max or {{values: […]}} with 1 to {CampaignRanges.MaxRecipeValues} different values",
        };
    }

    private static JsonNode? WithoutNulls(JsonNode? node)
    {
        if (node is not JsonObject fields)
        {
            return node?.DeepClone();
        }

        var kept = new JsonObject();
        foreach (var (key, value) in fields.Where(f => f.Value is not null))
        {
            kept[key] = value!.DeepClone();
        }

        return kept;
    }

    /// <summary>A number held to its range: minimum and maximum, exclusive where the range is (as OpenAPI 3.1 writes them).</summary>
    private static OpenApiSchema Ranged(FieldRange range, bool nullable, JsonNode? defaultValue, string? description)
    {
        var type = range.Kind == RangeKind.Integer ? JsonSchemaType.Integer : JsonSchemaType.Number;
        var schema = new OpenApiSchema
        {
            Type = nullable ? type | JsonSchemaType.Null : type,
            Default = defaultValue,
            Description = $"{description ?? range.Reason}; accepted: {range.Interval}",
        };
        if (range.Path == "search_space.kernels[]")
        {
            schema.Not = new OpenApiSchema { MultipleOf = 2 };
            schema.Description += ", odd";
        }

        var minimum = Text(range.Minimum);
        var maximum = Text(range.Maximum);
        if (range.MinimumExclusive)
        {
            schema.ExclusiveMinimum = minimum;
        }
        else
        {
            schema.Minimum = minimum;
        }

        if (range.MaximumExclusive)
        {
            schema.ExclusiveMaximum = maximum;
        }
        else
        {
            schema.Maximum = maximum;
        }

        return schema;
    }

    /// <summary>Keys a record cannot do without: the parameters of its constructor that have no default.</summary>
    private static HashSet<string> RequiredKeys(Type type)
    {
        if (type.GetConstructor(Type.EmptyTypes) is not null)
        {
            return [];
        }

        var constructor = type.GetConstructors().MaxBy(c => c.GetParameters().Length)!;
        return constructor.GetParameters().Where(p => !p.HasDefaultValue).Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name!)).ToHashSet();
    }

    private static Type? ElementType(Type type) =>
        type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type != typeof(string) ? type.GetGenericArguments()[0] : null;

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
