using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Mnas.Pareto.Indicators;
using Mnas.Pareto.Objectives;
using Mnas.Pareto.Points;

namespace Mnas.Pareto.Export;

/// <summary>Points as JSON, with the reference point and their hypervolume.</summary>
public static class ParetoJson
{
    /// <summary>
    /// An indented object: <c>objectives</c> (name and direction, in order), <c>reference</c>
    /// (objective name → bound), <c>hypervolume</c> (of these points against that reference) and
    /// <c>points</c>, an array of objects with <c>id</c>, one member per objective and
    /// <c>architecture</c> when the point has one, in the order given. Text is plain UTF-8, as in the files
    /// <c>mnas export</c> writes (an architecture's <c>b2.layers=+1</c> as it is).
    /// </summary>
    public static string Write(IReadOnlyList<ParetoPoint> points, ParetoObjectives objectives, ParetoReference reference)
    {
        var hypervolume = Hypervolume.Of(points, objectives, reference);
        var all = objectives.All;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("objectives");
            foreach (var objective in all)
            {
                json.WriteStartObject();
                json.WriteString("name", objective.Name);
                json.WriteString("direction", objective.Direction == ObjectiveDirection.Maximize ? "maximize" : "minimize");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("reference");
            for (var i = 0; i < all.Count; i++)
            {
                json.WriteNumber(all[i].Name, reference[i]);
            }

            json.WriteEndObject();
            json.WriteNumber("hypervolume", hypervolume);
            json.WriteStartArray("points");
            foreach (var point in points)
            {
                json.WriteStartObject();
                json.WriteNumber("id", point.Id);
                for (var i = 0; i < all.Count; i++)
                {
                    json.WriteNumber(all[i].Name, point[i]);
                }

                if (point.Architecture is not null)
                {
                    json.WriteString("architecture", point.Architecture);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
