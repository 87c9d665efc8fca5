using System.Collections.Concurrent;
using System.Globalization;
using DrillRunner.Engine;
using DrillRunner.Timeline;

namespace DrillRunner.Probes.Canary;

/// <summary>
/// Reads acknowledged canary writes back through the read path, a few at a time: found with the content it was
/// written with, missing (the read path's "not found"), different, or unreadable (errors and timeouts after the
/// retries, no id to read by, or the round's deadline passed). Reads are retried; a missing answer is final.
/// </summary>
internal sealed class CanaryReadBack(CanaryProbeOptions options)
{
    private readonly CanaryReadOptions _read = options.Read!;

    public async Task<IReadOnlyList<CanaryCheck>> CheckAsync(StepContext context, IReadOnlyList<CanaryAck> acks, string round, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_read.Deadline, context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var checks = new ConcurrentBag<CanaryCheck>();
        await Parallel.ForEachAsync(acks, new ParallelOptions { MaxDegreeOfParallelism = _read.Concurrency, CancellationToken = cancellationToken }, async (ack, _) =>
        {
            var (outcome, detail) = await CheckOneAsync(context, ack, linked.Token, cancellationToken);
            checks.Add(new CanaryCheck(ack.Probe, ack.Sequence, ack.Id, round, context.Time.GetUtcNow(), outcome, detail));
        });
        return [.. checks.OrderBy(c => c.Sequence)];
    }

    public static string Summary(string probe, string round, IReadOnlyList<CanaryAck> acks, IReadOnlyList<CanaryCheck> checks)
    {
        var counts = Enum.GetValues<CanaryOutcome>().Select(o => $"{checks.Count(c => c.Outcome == o).ToString(CultureInfo.InvariantCulture)} {o.ToString().ToLowerInvariant()}");
        var lost = checks.Where(c => c.Outcome is CanaryOutcome.Missing or CanaryOutcome.Different).Select(c => "#" + c.Sequence.ToString(CultureInfo.InvariantCulture)).ToList();
        var noId = acks.Count(a => a.Id is null);
        return $"canary '{probe}' read back {acks.Count} acknowledged writes ({round}): {string.Join(", ", counts)}"
            + (lost.Count > 0 ? $"; not as written: {string.Join(" ", lost.Take(20))}{(lost.Count > 20 ? " ..." : "")}" : "")
            + (noId > 0 ? $"; {noId} acknowledged without an id" : "");
    }

    private async Task<(CanaryOutcome Outcome, string? Detail)> CheckOneAsync(StepContext context, CanaryAck ack, CancellationToken round, CancellationToken run)
    {
        var usesId = CanaryTemplate.Placeholders(_read.Url).Contains(CanaryConstants.Id);
        if (ack.Id is null && usesId)
        {
            return (CanaryOutcome.Unreadable, "acknowledged without an id");
        }

        var failure = "";
        for (var attempt = 1; attempt <= _read.Attempts; attempt++)
        {
            if (round.IsCancellationRequested)
            {
                return (CanaryOutcome.Unreadable, $"not read within the {_read.Deadline.TotalSeconds:0}s deadline{(failure.Length > 0 ? "; " + failure : "")}");
            }

            using var timeout = new CancellationTokenSource(options.Timeout, context.Time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(round, timeout.Token);
            try
            {
                using var request = CanaryHttp.Request(_read.Method, _read.Url, null, CanaryConstants.DefaultContentType, _read.Headers, Values(context, ack));
                using var response = await context.Http.SendAsync(request, linked.Token);
                var status = (int)response.StatusCode;
                if (_read.MissingStatus.Contains(status))
                {
                    return (CanaryOutcome.Missing, $"status {status}");
                }

                if (status is >= 200 and <= 299)
                {
                    return Compare(await CanaryHttp.ReadBodyAsync(response, linked.Token), Values(context, ack)(false));
                }

                failure = $"status {status}";
            }
            catch (OperationCanceledException) when (!run.IsCancellationRequested)
            {
                failure = round.IsCancellationRequested ? failure : $"no answer within {options.Timeout.TotalMilliseconds:0}ms";
            }
            catch (HttpRequestException ex)
            {
                failure = ex.HttpRequestError.ToString();
            }

            if (attempt < _read.Attempts && !round.IsCancellationRequested)
            {
                await Task.Delay(CanaryConstants.ReadRetryDelay, context.Time, run);
            }
        }

        return (CanaryOutcome.Unreadable, $"{failure} after {_read.Attempts} attempts");
    }

    private (CanaryOutcome, string?) Compare(string body, IReadOnlyDictionary<string, string> values)
    {
        var document = CanaryJson.Parse(body);
        foreach (var (path, template) in _read.Expect)
        {
            var expected = CanaryTemplate.Render(template, values);
            var actual = CanaryJson.Select(document, path);
            if (!string.Equals(actual, expected, StringComparison.Ordinal))
            {
                return (CanaryOutcome.Different, $"{path} is {(actual is null ? "absent" : $"'{actual}'")}, written as '{expected}'");
            }
        }

        return (CanaryOutcome.Found, null);
    }

    private Func<bool, IReadOnlyDictionary<string, string>> Values(StepContext context, CanaryAck ack) =>
        forUrl => CanaryTemplate.Values(context.RunId, options.Name, ack.Sequence, ack.SentAt, ack.Id, forUrl);
}
