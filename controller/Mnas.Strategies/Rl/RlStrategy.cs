using Mnas.SearchSpace.Space;

namespace Mnas.Strategies.Rl;

/// <summary>
/// MnasNet's search: keeps the engine's free workers busy with controller proposals, takes finished children in as
/// they come back (in any order), and on every full minibatch updates the controller, raises its policy version and
/// checkpoints its whole state through the engine with the children that update settled. Once the budget is spent
/// it drains every child still in flight (updating on any minibatch that fills meanwhile), then checkpoints what is
/// left: with <see cref="ControllerOptions.UpdateOnPartialMinibatch"/> after one last update on the partial
/// minibatch, otherwise with the partial minibatch still buffered in the state.
/// </summary>
public sealed class RlStrategy : ISearchStrategy
{
    private readonly ControllerOptions options;

    public RlStrategy(ControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ControllerOptionsValidator.Instance.ThrowIfInvalid(options);
        this.options = options;
    }

    public string Name => "rl";

    /// <summary>Raised after each update, before its checkpoint (for progress reports and tests).</summary>
    public event Action<ControllerUpdate>? Updated;

    public async Task RunAsync(ModelSpace space, ISearchEngine engine, byte[]? restoredState, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(engine);
        using var controller = restoredState is null ? new RlController(space, options) : RlController.Restore(space, options, restoredState);
        // Meanwhile the first children run; the first update waits for it (long done by then).
        var warmUp = Task.Run(() => RlController.WarmUp(space, options), CancellationToken.None);
        while (true)
        {
            await SearchLoop.FillAsync(engine, controller.Propose, cancellation);
            if (engine.InFlight == 0)
            {
                break;
            }

            controller.Observe(await engine.NextAsync(cancellation));
            while (controller.ReadyToUpdate)
            {
                await warmUp;
                await UpdateAsync(controller, engine, cancellation);
            }
        }

        await warmUp;
        if (options.UpdateOnPartialMinibatch && controller.Buffered > 0)
        {
            await UpdateAsync(controller, engine, cancellation);
        }
        else if (controller.HasUnsettled)
        {
            var settled = controller.TakeExcluded();
            await engine.CheckpointAsync(controller.SaveState(), settled, cancellation);
        }
    }

    private async Task UpdateAsync(RlController controller, ISearchEngine engine, CancellationToken cancellation)
    {
        var update = controller.Update();
        Updated?.Invoke(update);
        await engine.CheckpointAsync(controller.SaveState(), update.Included, cancellation);
    }
}
