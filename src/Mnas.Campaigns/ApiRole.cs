namespace Mnas.Campaigns;

/// <summary>What an API key may do.</summary>
public enum ApiRole
{
    /// <summary>Everything: every campaign, the workers, deleting.</summary>
    Operator,

    /// <summary>Creates campaigns, and sees and cancels only its own.</summary>
    Researcher,
}
