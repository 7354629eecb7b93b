using YamlDotNet.RepresentationModel;

namespace Mnas.Deploy.Tests;

/// <summary>The objects of a rendered chart, each as plain data: maps, lists and scalar strings.</summary>
internal sealed class Manifests(IReadOnlyList<Node> objects)
{
    internal IReadOnlyList<Node> Objects { get; } = objects;

    internal static Manifests Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var objects = stream.Documents
            .Where(d => d.RootNode is YamlMappingNode)
            .Select(d => new Node(d.RootNode))
            .ToList();
        return new Manifests(objects);
    }

    internal IEnumerable<Node> OfKind(string kind) => Objects.Where(o => o["kind"].Text == kind);

    /// <summary>Every object that runs pods, with its pod spec.</summary>
    internal IEnumerable<(Node Workload, Node PodSpec)> Workloads() =>
        Objects.Where(o => o["kind"].Text is "Deployment" or "StatefulSet" or "Job" or "DaemonSet")
            .Select(o => (o, o["spec"]["template"]["spec"]));

    internal static string NameOf(Node o) => $"{o["kind"].Text}/{o["metadata"]["name"].Text}";
}

/// <summary>A YAML node; a missing key or index gives a missing node rather than an error.</summary>
internal sealed class Node(YamlNode? node)
{
    internal bool Exists => node != null;

    internal string? Text => (node as YamlScalarNode)?.Value;

    internal Node this[string key] =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? new Node(child) : new Node(null);

    internal IEnumerable<Node> Items => node is YamlSequenceNode list ? list.Children.Select(c => new Node(c)) : [];

    internal IEnumerable<(string Key, Node Value)> Entries =>
        node is YamlMappingNode map ? map.Children.Select(c => (((YamlScalarNode)c.Key).Value!, new Node(c.Value))) : [];

    public override string ToString() => node?.ToString() ?? "(missing)";
}
