using Mnas.SearchSpace.Space;

namespace Mnas.Strategies.Rl;

/// <summary>
/// MnasNet's search: keeps the engine's free workers busy with controller proposals, takes finished children in as
/// they come back (in any order), and on every full minibatch updates the controller, raises its policy version,
/// reports the update and checkpoints its whole state through the engine with the children that update settled. Once
/// the budget is spent it drains every child still in flight (updating on any minibatch that fills meanwhile), then
/// checkpoints what is left: with <see cref="ControllerOptions.UpdateOnPartialMinibatch"/> after one last update on
/// the partial minibatch, otherwise with the partial minibatch still buffered in the state.
/// </summary>
/// <remarks>
/// An update learns on another thread while the loop goes on taking results in and proposing from the policy it has
/// (for <see cref="ControllerOptions.PolicyLag"/> proposals); the loop waits for it only when its policy is due or
/// another update is. Proposals still follow from the order of results alone, never from how fast an update runs,
/// and a checkpoint is only written between results, so it holds every result the engine has handed over.
/// </remarks>
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
        // Meanwhile the first children run; the first update waits for it (long done by then). A restored controller's
        // options carry the head layout it was saved with, which may not be this strategy's.
        var warmUp = Task.Run(() => RlController.WarmUp(space, controller.Options), CancellationToken.None);
        var learning = new Learning(controller, engine, this, cancellation);
        try
        {
            while (true)
            {
                while (!engine.BudgetExhausted && (engine.Capacity > 0 || engine.InFlight == 0))
                {
                    cancellation.ThrowIfCancellationRequested();
                    if (controller.WaitsForUpdate)
                    {
                        await learning.CompleteAsync();
                    }

                    await engine.SubmitAsync(controller.Propose(), cancellation);
                }

                if (engine.InFlight == 0)
                {
                    break;
                }

                await learning.CompleteUnlessAResultComesFirstAsync();
                controller.Observe(await engine.NextAsync(cancellation));
                while (controller.ReadyToUpdate)
                {
                    await learning.CompleteAsync();
                    await warmUp;
                    learning.Begin();
                }
            }

            await learning.CompleteAsync();
            if (options.UpdateOnPartialMinibatch && controller.Buffered > 0)
            {
                learning.Begin();
                await learning.CompleteAsync();
            }
            else if (controller.HasUnsettled)
            {
                var settled = controller.TakeExcluded();
                await engine.CheckpointAsync(controller.SaveState(), settled, cancellation);
            }
        }
        finally
        {
            // The controller is disposed on the way out: nothing may still be learning on it.
            await learning.AbandonAsync();
            await warmUp.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>The update in flight, if any: learning on the thread pool, completed and checkpointed on the loop.</summary>
    private sealed class Learning(RlController controller, ISearchEngine engine, RlStrategy owner, CancellationToken cancellation)
    {
        private PendingUpdate? pending;
        private Task? task;

        public void Begin()
        {
            pending = controller.BeginUpdate();
            var update = pending;
            task = Task.Run(() => controller.Learn(update), CancellationToken.None);
        }

        public async Task CompleteAsync()
        {
            if (task is null)
            {
                return;
            }

            await task;
            var update = controller.CompleteUpdate(pending!);
            (task, pending) = (null, null);
            owner.Updated?.Invoke(update);
            await engine.ReportUpdateAsync(
                new ControllerReport(update.PolicyVersion, update.Used, update.MeanReward, update.BaselineBefore,
                    update.MeanEntropy / controller.DecisionsPerSample),
                cancellation);
            await engine.CheckpointAsync(controller.SaveState(), update.Included, cancellation);
        }

        /// <summary>Waits for a result or the update, whichever is first; a finished update is completed and checkpointed at once.</summary>
        public async Task CompleteUnlessAResultComesFirstAsync()
        {
            if (task is null)
            {
                return;
            }

            var result = engine.WaitForOutcomeAsync(cancellation).AsTask();
            if (await Task.WhenAny(result, task) == task)
            {
                await CompleteAsync();
            }
        }

        public async Task AbandonAsync()
        {
            if (task is not null)
            {
                await task.ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
