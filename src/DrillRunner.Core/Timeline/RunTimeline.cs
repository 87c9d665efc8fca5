namespace DrillRunner.Timeline;

/// <summary>
/// The thread-safe, append-only record of a run's events, probe samples and traffic. Samples and traffic seconds are
/// kept in time order (they arrive nearly in order, so an insert looks back a step or two), so the live views of a long
/// run (progress, abort conditions, recovery) read only their recent window with <see cref="Since"/> instead of
/// copying hours of samples twice a second.
/// </summary>
public sealed class RunTimeline
{
    private readonly Lock _gate = new();
    private readonly List<TimelineEvent> _events = [];
    private readonly List<ProbeSample> _samples = [];
    private readonly List<TrafficSecond> _traffic = [];
    private readonly List<TrafficSummary> _summaries = [];
    private readonly List<AlertSignal> _alerts = [];
    private readonly List<InstanceCount> _instances = [];
    private readonly List<CapacityFinding> _capacity = [];
    private readonly List<CanaryAck> _acks = [];
    private readonly List<CanaryCheck> _checks = [];
    private readonly List<StepRecord> _steps = [];

    /// <summary>Raised after an event is added (progress display, journal).</summary>
    public event Action<TimelineEvent>? EventAdded;

    public void Add(TimelineEvent item)
    {
        lock (_gate)
        {
            _events.Add(item);
        }

        EventAdded?.Invoke(item);
    }

    public void Add(ProbeSample sample)
    {
        lock (_gate)
        {
            InsertInOrder(_samples, sample, static s => s.At);
        }
    }

    public void Add(TrafficSecond second)
    {
        lock (_gate)
        {
            InsertInOrder(_traffic, second, static t => t.Start);
        }
    }

    public void Add(TrafficSummary summary)
    {
        lock (_gate)
        {
            _summaries.Add(summary);
        }
    }

    public void Add(InstanceCount count)
    {
        lock (_gate)
        {
            _instances.Add(count);
        }
    }

    public void Add(CapacityFinding finding)
    {
        lock (_gate)
        {
            _capacity.Add(finding);
        }
    }

    /// <summary>
    /// Records an alert the first time its fingerprint is seen, and the notification's arrival the first time one
    /// arrives; returns what changed (null: nothing new), so the caller can log it once.
    /// </summary>
    public AlertSignal? RecordAlert(string name, string fingerprint, DateTimeOffset firedAt, DateTimeOffset? receivedAt)
    {
        lock (_gate)
        {
            var index = _alerts.FindIndex(a => a.Fingerprint == fingerprint);
            if (index < 0)
            {
                var added = new AlertSignal(name, fingerprint, firedAt, receivedAt);
                _alerts.Add(added);
                return added;
            }

            if (_alerts[index].ReceivedAt is null && receivedAt is not null)
            {
                _alerts[index] = _alerts[index] with { ReceivedAt = receivedAt };
                return _alerts[index];
            }

            return null;
        }
    }

    public void Add(CanaryAck ack)
    {
        lock (_gate)
        {
            _acks.Add(ack);
        }
    }

    public void Add(IEnumerable<CanaryCheck> checks)
    {
        lock (_gate)
        {
            _checks.AddRange(checks);
        }
    }

    public void Add(StepRecord step)
    {
        lock (_gate)
        {
            _steps.Add(step);
        }
    }

    /// <summary>A copy of everything: for scoring and reports, once per run.</summary>
    public TimelineSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new TimelineSnapshot([.. _events], [.. _samples], [.. _traffic], [.. _summaries], [.. _acks], [.. _checks])
            {
                Alerts = [.. _alerts],
                Instances = [.. _instances],
                Capacity = [.. _capacity],
                Steps = [.. _steps],
            };
        }
    }

    /// <summary>
    /// A copy of what happened at or after <paramref name="from"/> (summaries and canary read-backs: all): as cheap as
    /// the window is short (canary acknowledgements are filtered, not searched: one per write).
    /// </summary>
    public TimelineSnapshot Since(DateTimeOffset from)
    {
        lock (_gate)
        {
            return new TimelineSnapshot(
                Tail(_events, FirstEventAtOrAfter(from)),
                Tail(_samples, LowerBound(_samples, from, static s => s.At)),
                Tail(_traffic, LowerBound(_traffic, from, static t => t.Start)),
                [.. _summaries],
                [.. _acks.Where(a => a.SentAt >= from)],
                [.. _checks])
            { Steps = [.. _steps.Where(s => s.EndedAt >= from)] };
        }
    }

    /// <summary>The latest event that matches, looking back from the end.</summary>
    public TimelineEvent? LastEvent(Func<TimelineEvent, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        lock (_gate)
        {
            for (var i = _events.Count - 1; i >= 0; i--)
            {
                if (match(_events[i]))
                {
                    return _events[i];
                }
            }

            return null;
        }
    }

    private static void InsertInOrder<T>(List<T> list, T item, Func<T, DateTimeOffset> at)
    {
        var index = list.Count;
        var time = at(item);
        while (index > 0 && at(list[index - 1]) > time)
        {
            index--;
        }

        list.Insert(index, item);
    }

    private static int LowerBound<T>(List<T> list, DateTimeOffset from, Func<T, DateTimeOffset> at)
    {
        int low = 0, high = list.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (at(list[middle]) < from)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    // Events are few and in the order they happened (their times may tie or, rarely, step back): keep the order.
    private int FirstEventAtOrAfter(DateTimeOffset from)
    {
        var index = _events.Count;
        while (index > 0 && _events[index - 1].At >= from)
        {
            index--;
        }

        return index;
    }

    private static List<T> Tail<T>(List<T> list, int start) => list.GetRange(start, list.Count - start);
}
