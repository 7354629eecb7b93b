namespace Mnas.Dashboard.Tests;

internal static class Until
{
    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="failure"/> after <paramref name="limit"/>.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan limit, Func<string> failure)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (!await condition())
        {
            Assert.False(timeout.IsCancellationRequested, failure());
            await Task.Delay(250);
        }
    }
}
