namespace Mnas.SearchSpace.Recipes;

/// <summary>
/// The architecture name of an FBNetV3 child: its sample of the spec's space and its recipe, <c>{sample} | {recipe}</c>.
/// Two children with the same architecture and recipe are the same child (the campaign reuses the result).
/// </summary>
public static class RecipeChildName
{
    public const string Separator = " | ";

    public static string Of(string sample, Recipe recipe) => sample + Separator + recipe.ToText();

    /// <summary>The sample's text and the recipe of a child's name; a name without a recipe is refused.</summary>
    public static (string Sample, Recipe Recipe) Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var at = name.IndexOf(Separator, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new FormatException($"'{name}': an fbnetv3 child names its recipe after '{Separator.Trim()}'");
        }
        return (name[..at], Recipe.Parse(name[(at + Separator.Length)..]));
    }
}
