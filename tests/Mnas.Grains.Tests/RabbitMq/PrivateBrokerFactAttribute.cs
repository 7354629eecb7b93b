namespace Mnas.Grains.Tests.RabbitMq;

/// <summary>A test that restarts the broker: it needs the private node, and is skipped, saying why, when MNAS_TEST_RABBITMQ names another broker.</summary>
public sealed class PrivateBrokerFactAttribute : FactAttribute
{
    public PrivateBrokerFactAttribute()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(RabbitMqBroker.Variable)))
        {
            Skip = $"restarts the broker: needs the private node of scripts/rabbitmq.sh, and {RabbitMqBroker.Variable} names another broker";
        }
    }
}
