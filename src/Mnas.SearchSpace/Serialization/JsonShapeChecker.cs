using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Serialization;

/// <summary>
/// Checks a parsed document against the shape of the type it will become, before deserialising it, so that every
/// unknown or repeated key, missing required key and wrongly typed value is reported at once, each with its path.
/// Understands int, double, string, bool, lower-case enums, nullable values, lists and records (through their
/// settable properties; the parameters of a positional record's constructor that have no default are required).
/// </summary>
internal static class JsonShapeChecker
{
    public static IReadOnlyList<SpecProblem> Check(JsonElement root, Type type)
    {
        var problems = new ProblemList();
        CheckValue(root, type, nullable: false, "", problems);
        return problems.Items;
    }

    private static void CheckValue(JsonElement value, Type type, bool nullable, string path, ProblemList problems)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!nullable && underlying is null)
            {
                problems.Add(path, "must not be null");
            }

            return;
        }

        type = underlying ?? type;
        if (type == typeof(int))
        {
            Expect(value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _), "an integer", value, path, problems);
        }
        else if (type == typeof(long))
        {
            Expect(value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _), "an integer", value, path, problems);
        }
        else if (type == typeof(double))
        {
            Expect(value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && double.IsFinite(d),
                "a number", value, path, problems);
        }
        else if (type == typeof(string))
        {
            Expect(value.ValueKind == JsonValueKind.String, "a string", value, path, problems);
        }
        else if (type == typeof(bool))
        {
            Expect(value.ValueKind is JsonValueKind.True or JsonValueKind.False, "true or false", value, path, problems);
        }
        else if (type.IsEnum)
        {
            CheckEnum(value, type, path, problems);
        }
        else if (ElementTypeOf(type) is { } element)
        {
            CheckList(value, element, path, problems);
        }
        else
        {
            CheckObject(value, type, path, problems);
        }
    }

    private static void Expect(bool ok, string expected, JsonElement value, string path, ProblemList problems)
    {
        if (!ok)
        {
            problems.Add(path, $"expected {expected} (got {Describe(value)})");
        }
    }

    private static void CheckEnum(JsonElement value, Type type, string path, ProblemList problems)
    {
        var known = Enum.GetNames(type).Select(n => n.ToLowerInvariant()).ToArray();
        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(path, $"expected one of {string.Join(", ", known)} (got {Describe(value)})");
        }
        else if (!known.Contains(value.GetString()))
        {
            problems.Add(path, $"unknown value '{value.GetString()}' (known: {string.Join(", ", known)})");
        }
    }

    private static void CheckList(JsonElement value, Type element, string path, ProblemList problems)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add(path, $"expected a list (got {Describe(value)})");
            return;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            CheckValue(item, element, nullable: false, FieldPath.Index(path, index++), problems);
        }
    }

    private static void CheckObject(JsonElement value, Type type, string path, ProblemList problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add(path, $"expected a mapping (got {Describe(value)})");
            return;
        }

        var properties = SettableProperties(type).ToDictionary(JsonSettings.KeyOf, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var nullability = new NullabilityInfoContext();
        foreach (var member in value.EnumerateObject())
        {
            var memberPath = FieldPath.Field(path, member.Name);
            if (!seen.Add(member.Name))
            {
                problems.Add(memberPath, "duplicate key");
            }
            else if (!properties.TryGetValue(member.Name, out var property))
            {
                problems.Add(memberPath, $"unknown key (known: {string.Join(", ", properties.Keys)})");
            }
            else
            {
                var nullable = nullability.Create(property).WriteState == NullabilityState.Nullable;
                CheckValue(member.Value, property.PropertyType, nullable, memberPath, problems);
            }
        }

        foreach (var key in RequiredKeys(type, properties))
        {
            if (!seen.Contains(key))
            {
                problems.Add(FieldPath.Field(path, key), "required");
            }
        }
    }

    private static IEnumerable<PropertyInfo> SettableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.SetMethod is { IsPublic: true })
            .Where(p => !p.IsDefined(typeof(JsonIgnoreAttribute), true));

    /// <summary>Keys whose constructor parameter has no default, for types built through a constructor.</summary>
    private static IEnumerable<string> RequiredKeys(Type type, Dictionary<string, PropertyInfo> properties)
    {
        if (type.GetConstructor(Type.EmptyTypes) is not null)
        {
            return [];
        }

        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (constructor is null)
        {
            return [];
        }

        var required = constructor.GetParameters().Where(p => !p.HasDefaultValue).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return properties.Where(kv => required.Contains(kv.Value.Name)).Select(kv => kv.Key);
    }

    private static Type? ElementTypeOf(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>) || definition == typeof(List<>) ||
               definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"'{value.GetString()}'",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "a mapping",
        _ => value.GetRawText(),
    };
}
