namespace Mnas.Grains.Tests.RabbitMq;

/// <summary>
/// The broker the RabbitMQ tests run against: MNAS_TEST_RABBITMQ (host:port, with
/// MNAS_TEST_RABBITMQ_USER and MNAS_TEST_RABBITMQ_PASSWORD, guest by default) when it is set,
/// otherwise the private node of scripts/rabbitmq.sh, started here when it is not running (and
/// then stopped at the end). Each test gets its own queue and exchange names, so runs sharing a
/// broker do not meet.
/// </summary>
public sealed class RabbitMqBroker : IAsyncLifetime
{
    public const string Variable = "MNAS_TEST_RABBITMQ";

    private RabbitMqOptions connection = new();
    private bool startedHere;

    /// <summary>Whether the broker is the private node, which these tests may restart.</summary>
    public bool IsPrivate { get; private set; }

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            connection = FromHostAndPort(external);
            return;
        }
        IsPrivate = true;
        startedHere = (await BrokerScript.RunAsync("status")).ExitCode != 0;
        await BrokerScript.RequireAsync("start");
        connection = FromUrl(new Uri(await BrokerScript.RequireAsync("url")));
    }

    public async Task DisposeAsync()
    {
        if (startedHere)
        {
            await BrokerScript.RequireAsync("stop");
        }
    }

    /// <summary>Settings for one test: this broker, names of the test's own.</summary>
    public RabbitMqOptions ForTest() => connection with { NamePrefix = $"mnas-test-{Guid.NewGuid():N}." };

    /// <summary>Stops the private node and starts it again with its data, as an operator's restart would.</summary>
    public Task RestartAsync() =>
        IsPrivate ? BrokerScript.RequireAsync("restart") : throw new InvalidOperationException($"{Variable} names a broker these tests do not own");

    private static RabbitMqOptions FromHostAndPort(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value[(colon + 1)..], out var port))
        {
            throw new ArgumentException($"{Variable}: must be host:port (got '{value}')");
        }
        return new RabbitMqOptions
        {
            Host = value[..colon],
            Port = port,
            UserName = Environment.GetEnvironmentVariable($"{Variable}_USER") ?? "guest",
            Password = Environment.GetEnvironmentVariable($"{Variable}_PASSWORD") ?? "guest",
        };
    }

    private static RabbitMqOptions FromUrl(Uri url)
    {
        var user = url.UserInfo.Split(':', 2);
        return new RabbitMqOptions
        {
            Host = url.Host,
            Port = url.Port,
            UserName = Uri.UnescapeDataString(user[0]),
            Password = Uri.UnescapeDataString(user[1]),
        };
    }
}
