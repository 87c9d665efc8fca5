using DrillRunner.Traffic.Http;
using HdrHistogram;

namespace DrillRunner.Traffic.Recording;

/// <summary>Counts for the requests intended in one second. Writers take the lock; it is rarely contended.</summary>
internal sealed class SecondBucket
{
    private readonly Lock _gate = new();
    private readonly long[] _failures = new long[5];
    private IntHistogram? _latency;
    private long _planned;
    private long _sent;
    private long _ok;
    private long _late;
    private long _dropped;
    private long _outstanding;

    public long Outstanding
    {
        get
        {
            lock (_gate)
            {
                return _outstanding;
            }
        }
    }

    public void Plan()
    {
        lock (_gate)
        {
            _planned++;
            _outstanding++;
        }
    }

    public void Drop()
    {
        lock (_gate)
        {
            _dropped++;
            _outstanding--;
        }
    }

    /// <summary>A request that was abandoned unsent when the run was cancelled.</summary>
    public void Abandon()
    {
        lock (_gate)
        {
            _outstanding--;
        }
    }

    public void Complete(Outcome outcome, bool sent, bool late, long latencyMicros)
    {
        lock (_gate)
        {
            _outstanding--;
            _sent += sent ? 1 : 0;
            _late += late ? 1 : 0;
            if (outcome == Outcome.Ok)
            {
                _ok++;
            }
            else
            {
                _failures[(int)outcome - 1]++;
            }

            if (latencyMicros > 0)
            {
                (_latency ??= Histograms.PerSecond()).RecordValue(latencyMicros);
            }
        }
    }

    /// <summary>
    /// The second's counts, once it is reported: its latency histogram (about 12 KB) is summarized and let go, so a
    /// four-hour run does not keep 14 400 of them. A straggler completing later starts a new, unreported one.
    /// </summary>
    public TrafficCounts Settle()
    {
        lock (_gate)
        {
            var counts = new TrafficCounts(
                _planned,
                _sent,
                _ok,
                new FailureCounts(_failures[0], _failures[1], _failures[2], _failures[3], _failures[4]),
                _late,
                _dropped,
                Histograms.Summarize(_latency));
            _latency = null;
            return counts;
        }
    }
}
