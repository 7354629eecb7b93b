namespace Mnas.Deploy.Tests;

/// <summary>What the rendered NetworkPolicies let into a pod: the ports open into it, and which of the release's pods
/// may reach each.</summary>
internal static class NetworkPolicies
{
    /// <summary>The labels of each workload's pods, by workload.</summary>
    internal static IEnumerable<(Node Workload, IReadOnlyDictionary<string, string> Labels)> Pods(Manifests manifests) =>
        manifests.Objects.Where(o => o["kind"].Text is "Deployment" or "StatefulSet" or "Job" or "DaemonSet")
            .Select(o => (o, Labels(o["spec"]["template"]["metadata"]["labels"])));

    /// <summary>The ingress rules of every policy selecting these pod labels, one per port each rule opens.</summary>
    internal static IEnumerable<(string Port, Node Rule)> Open(Manifests manifests, IReadOnlyDictionary<string, string> labels) =>
        manifests.OfKind("NetworkPolicy")
            .Where(p => Selects(p["spec"]["podSelector"], labels))
            .SelectMany(p => p["spec"]["ingress"].Items)
            .SelectMany(rule => rule["ports"].Items.Select(port => (port["port"].Text!, rule)));

    /// <summary>The components (app.kubernetes.io/component of their pods) of the release's pods that may reach a pod
    /// with these labels on this port; "*" when a rule lets in more than pods of this namespace.</summary>
    internal static IReadOnlySet<string> Sources(Manifests manifests, IReadOnlyDictionary<string, string> labels, string port)
    {
        var sources = new HashSet<string>();
        foreach (var (_, rule) in Open(manifests, labels).Where(r => r.Port == port))
        {
            var from = rule["from"].Items.ToList();
            if (from.Count == 0 || from.Any(peer => !peer["podSelector"].Exists || peer["namespaceSelector"].Exists || peer["ipBlock"].Exists))
            {
                sources.Add("*");
            }
            foreach (var peer in from.Where(p => p["podSelector"].Exists))
            {
                foreach (var (_, pod) in Pods(manifests).Where(p => Selects(peer["podSelector"], p.Labels)))
                {
                    sources.Add(pod["app.kubernetes.io/component"]);
                }
            }
        }
        return sources;
    }

    internal static IReadOnlyDictionary<string, string> Labels(Node map) =>
        map.Entries.ToDictionary(e => e.Key, e => e.Value.Text ?? "");

    /// <summary>Whether a label selector (matchLabels, matchExpressions with In, NotIn, Exists, DoesNotExist) selects
    /// these labels.</summary>
    internal static bool Selects(Node selector, IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (key, value) in selector["matchLabels"].Entries)
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value.Text)
            {
                return false;
            }
        }
        foreach (var expression in selector["matchExpressions"].Items)
        {
            var key = expression["key"].Text!;
            var values = expression["values"].Items.Select(v => v.Text).ToList();
            var has = labels.TryGetValue(key, out var actual);
            var matches = expression["operator"].Text switch
            {
                "In" => has && values.Contains(actual),
                "NotIn" => !has || !values.Contains(actual),
                "Exists" => has,
                "DoesNotExist" => !has,
                var other => throw new InvalidOperationException($"unknown selector operator {other}"),
            };
            if (!matches)
            {
                return false;
            }
        }
        return true;
    }
}
