using Mnas.Api.Health;
using Mnas.Grains.Tests.RabbitMq;

namespace Mnas.Api.Tests;

/// <summary>The broker probe against a real broker: ready while it accepts the connection.</summary>
[Collection(BrokerCollection.Name)]
public sealed class BrokerReadinessTests(RabbitMqBroker broker)
{
    [Fact]
    public async Task readyz_answers_ready_when_store_and_broker_answer()
    {
        await using var probe = new BrokerReadinessProbe(broker.ForTest());
        await using var api = await TestApi.StartAsync(probes: probe);

        var ready = await api.GetAsync<ReadyResponse>("/readyz");
        var again = await api.GetAsync<ReadyResponse>("/readyz");

        Assert.Equal(["store", "broker"], ready.Checked);
        Assert.Equal("ready", again.Status);
    }

    [Fact]
    public async Task the_broker_is_unreachable_with_credentials_it_refuses()
    {
        await using var probe = new BrokerReadinessProbe(broker.ForTest() with { Password = "not-the-password" });

        var problem = await probe.FindProblemAsync(CancellationToken.None);

        Assert.NotNull(problem);
    }
}
