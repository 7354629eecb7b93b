using Mnas.SearchSpace.Space;

namespace Mnas.Strategies.Rl;

/// <summary>
/// The controller's view of a space: one step per decision in <see cref="ModelSpace.Decisions"/> order. Steps are
/// grouped by <see cref="HeadSharing"/>; each group has one softmax head and one input embedding, so every step of a
/// group must have the same number of choices.
/// </summary>
public sealed class TokenLayout
{
    public TokenLayout(ModelSpace space, HeadSharing sharing = HeadSharing.PerDecision)
    {
        ArgumentNullException.ThrowIfNull(space);
        Sharing = sharing;
        var names = new List<string>();
        var counts = new List<int>();
        var groups = new int[space.Decisions.Count];
        for (var step = 0; step < groups.Length; step++)
        {
            var decision = space.Decisions[step];
            var name = sharing == HeadSharing.PerKind ? decision.Kind.ToString().ToLowerInvariant() : decision.Name.Replace('.', '_');
            var group = names.IndexOf(name);
            if (group < 0)
            {
                group = names.Count;
                names.Add(name);
                counts.Add(decision.Choices.Count);
            }
            else if (counts[group] != decision.Choices.Count)
            {
                throw new ArgumentException(
                    $"{decision.Name} has {decision.Choices.Count} choices but earlier {decision.Kind} decisions have {counts[group]}; " +
                    "with heads shared per kind every block needs the same choices", nameof(space));
            }

            groups[step] = group;
        }

        GroupNames = names;
        ChoiceCounts = counts;
        Groups = groups;
        Signature = $"{sharing}: " + string.Join(' ', space.Decisions.Select(d => $"{d.Name}:{d.Choices.Count}"));
    }

    public HeadSharing Sharing { get; }

    /// <summary>The group (head and embedding) of each step.</summary>
    public IReadOnlyList<int> Groups { get; }

    /// <summary>Each group's name, used in parameter names (<c>op</c>, or <c>b3_op</c> per decision).</summary>
    public IReadOnlyList<string> GroupNames { get; }

    /// <summary>Each group's number of choices.</summary>
    public IReadOnlyList<int> ChoiceCounts { get; }

    public int Steps => Groups.Count;

    /// <summary>Sharing, decision names and choice counts: a saved state restores only into the same layout.</summary>
    public string Signature { get; }
}
