using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrillRunner.Timeline;

/// <summary>
/// Probe samples in a run's saved result, one column set per probe: the first sample's time, then each sample's step
/// from the previous one in ticks, passes as a string of 0 and 1, latencies, statuses, and the errors by index. A
/// four-hour run with two probes every 250 ms (115 000 samples) keeps about 2 MB instead of 25 MB of objects; times are
/// exact to the tick. Results saved as an array of sample objects (before this format) are read too.
/// </summary>
public sealed class ProbeSamplesJsonConverter : JsonConverter<IReadOnlyList<ProbeSample>>
{
    public override IReadOnlyList<ProbeSample> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var samples = new List<ProbeSample>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            if (item.TryGetProperty("ticks", out _))
            {
                ReadColumns(item, samples);
            }
            else
            {
                samples.Add(item.Deserialize<ProbeSample>(options)!);
            }
        }

        return [.. samples.OrderBy(s => s.At)];
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<ProbeSample> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var probe in value.GroupBy(s => s.Probe, StringComparer.Ordinal))
        {
            var samples = probe.ToList();
            writer.WriteStartObject();
            writer.WriteString("probe", probe.Key);
            writer.WriteString("from", samples[0].At);
            writer.WriteStartArray("ticks");
            var previous = samples[0].At;
            foreach (var sample in samples)
            {
                writer.WriteNumberValue((sample.At - previous).Ticks);
                previous = sample.At;
            }

            writer.WriteEndArray();
            writer.WriteString("ok", string.Concat(samples.Select(s => s.Ok ? '1' : '0')));
            writer.WriteStartArray("latencyMs");
            foreach (var sample in samples)
            {
                writer.WriteNumberValue(Math.Round(sample.LatencyMs, 3));
            }

            writer.WriteEndArray();
            writer.WriteStartArray("status");
            foreach (var sample in samples)
            {
                if (sample.Status is { } status)
                {
                    writer.WriteNumberValue(status);
                }
                else
                {
                    writer.WriteNullValue();
                }
            }

            writer.WriteEndArray();
            writer.WriteStartObject("errors");
            for (var i = 0; i < samples.Count; i++)
            {
                if (samples[i].Error is { } error)
                {
                    writer.WriteString(i.ToString(CultureInfo.InvariantCulture), error);
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void ReadColumns(JsonElement item, List<ProbeSample> samples)
    {
        var probe = item.GetProperty("probe").GetString()!;
        var at = item.GetProperty("from").GetDateTimeOffset();
        var ok = Encoding.ASCII.GetBytes(item.GetProperty("ok").GetString()!);
        var errors = item.GetProperty("errors");
        using var ticks = item.GetProperty("ticks").EnumerateArray();
        using var latencies = item.GetProperty("latencyMs").EnumerateArray();
        using var statuses = item.GetProperty("status").EnumerateArray();
        for (var i = 0; ticks.MoveNext() && latencies.MoveNext() && statuses.MoveNext(); i++)
        {
            at = at.AddTicks(ticks.Current.GetInt64());
            var status = statuses.Current.ValueKind == JsonValueKind.Null ? (int?)null : statuses.Current.GetInt32();
            var error = errors.TryGetProperty(i.ToString(CultureInfo.InvariantCulture), out var message) ? message.GetString() : null;
            samples.Add(new ProbeSample(probe, at, i < ok.Length && ok[i] == (byte)'1', latencies.Current.GetDouble(), status, error));
        }
    }
}
