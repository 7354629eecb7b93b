namespace Mnas.Strategies.Fbnetv3;

/// <summary>Where an FBNetV3 search stands: the step it takes next (the predictor's pretraining comes before any saved state).</summary>
public enum Fbnetv3Stage
{
    /// <summary>The next coarse round (<see cref="Fbnetv3State.CoarseRounds"/> are done).</summary>
    Coarse,

    /// <summary>The fine stage's evolution over the fitted predictor.</summary>
    Fine,

    /// <summary>Training the fine stage's best pairs.</summary>
    Final,

    /// <summary>Nothing left to do.</summary>
    Done,
}
