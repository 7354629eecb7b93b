using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mnas.Api.Children;

/// <summary>The <c>{sequence}</c> of a child's routes: a whole number from 1, a 400 naming it otherwise, a 404 for a child the campaign lacks.</summary>
internal static class ChildSequence
{
    public static bool TryParse(string text, out long number) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= 1;

    public static ValidationProblem Invalid(string text) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sequence"] = [$"must be a whole number from 1 (got '{text}')"] });

    public static ProblemHttpResult NotFound(string campaignId, long number) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Child not found", detail: $"campaign '{campaignId}' has no child {number}");
}
