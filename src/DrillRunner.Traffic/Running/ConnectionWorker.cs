using System.Buffers;
using System.Runtime.CompilerServices;
using DrillRunner.Traffic.Http;
using DrillRunner.Traffic.Recording;
using HdrHistogram;

namespace DrillRunner.Traffic.Running;

/// <summary>
/// Sends requests over one connection and records each against its intended time, so time spent waiting for
/// this connection (a stalled server) counts as latency.
/// </summary>
internal sealed class ConnectionWorker : IDisposable
{
    private readonly RunContext _run;
    private readonly ArrayBufferWriter<byte> _request = new(4096);
    private readonly ArrayBufferWriter<byte> _scratch = new(1024);
    private readonly Random _random;
    private readonly Action _onSend;
    private long _sentAt;

    public ConnectionWorker(RunContext run, HttpConnection connection, int index)
    {
        _run = run;
        Connection = connection;
#pragma warning disable CA5394 // Load mixes need repeatable, not secure, randomness.
        _random = new Random(HashCode.Combine(run.Plan.Seed, index));
#pragma warning restore CA5394
        _onSend = () => _sentAt = _run.Time.GetTimestamp();
    }

    public HttpConnection Connection { get; }

    /// <summary>Latency of this worker's requests, merged into the run's totals at the end.</summary>
    public LongHistogram Latency { get; } = Histograms.Total();

    public LongHistogram SendDelay { get; } = Histograms.Total();

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask ExecuteAsync(WorkItem item, SecondBucket bucket)
    {
        var user = UserOf(item);
        var now = _run.Time.GetTimestamp();
        if (TimedOutWaiting(bucket, item, user, now))
        {
            return;
        }

        var (request, head) = Compose(item, user);
        var (outcome, sent) = await Connection.ExchangeAsync(request, head, now, _onSend);
        var end = _run.Time.GetTimestamp();
        Complete(bucket, item, user, outcome, sent, end - item.Intended, sent ? _sentAt - item.Intended : 0);
    }

    public int UserOf(WorkItem item) => (int)(item.Sequence % _run.Plan.Users) + 1;

    /// <summary>A client with this timeout would have given up while the request waited for a connection.</summary>
    public bool TimedOutWaiting(SecondBucket bucket, WorkItem item, int user, long now)
    {
        if (now - item.Intended <= _run.TimeoutTicks)
        {
            return false;
        }

        Complete(bucket, item, user, Outcome.Timeout, sent: false, now - item.Intended, sendDelay: 0);
        return true;
    }

    /// <summary>The bytes of the next request of the mix (valid until the next call), and whether it is a HEAD.</summary>
    public (ReadOnlyMemory<byte> Request, bool IsHead) Compose(WorkItem item, int user)
    {
        var request = _run.Mix.Pick(_random);
        _request.ResetWrittenCount();
        request.Write(_request, _scratch, user, item.Sequence, _random);
        return (_request.WrittenMemory, request.IsHead);
    }

    public void Dispose() => Connection.Dispose();

    public void Complete(SecondBucket bucket, WorkItem item, int user, Outcome outcome, bool sent, long latency, long sendDelay)
    {
        // Connection failures are not response times; counting them would make a dead server look fast.
        var measured = outcome is not (Outcome.ConnectError or Outcome.Transport);
        var micros = Histograms.Micros(latency, _run.Frequency);
        if (measured)
        {
            Latency.RecordValue(micros);
        }

        if (sent)
        {
            SendDelay.RecordValue(Histograms.Micros(Math.Max(sendDelay, 0), _run.Frequency));
        }

        bucket.Complete(outcome, sent, sent && sendDelay > _run.LateTicks, measured ? micros : -1);
        _run.Recorder.Users.Record(user, outcome != Outcome.Ok);
        _run.Observer?.Invoke(new RequestRecord(item.Sequence, item.Intended, user, outcome, sent, latency));
    }
}
