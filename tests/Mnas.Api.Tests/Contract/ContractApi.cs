namespace Mnas.Api.Tests.Contract;

/// <summary>The API as the contract tests use it: no rate limit in the way of their many requests, and a researcher's client.</summary>
public abstract class ContractApi : IAsyncLifetime
{
    internal TestApi Api { get; private set; } = null!;

    protected HttpClient Researcher { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await TestApi.StartAsync(new ApiOptions { RateLimitPerMinute = 100_000 });
        Researcher = Api.ClientWith(Api.Researcher.Plaintext);
    }

    public async Task DisposeAsync()
    {
        Researcher.Dispose();
        await Api.DisposeAsync();
    }
}
