namespace DrillRunner.Timeline;

/// <summary>The thread-safe, append-only record of a run's events, probe samples and traffic.</summary>
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
            _samples.Add(sample);
        }
    }

    public void Add(TrafficSecond second)
    {
        lock (_gate)
        {
            _traffic.Add(second);
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

    public TimelineSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new TimelineSnapshot([.. _events], [.. _samples], [.. _traffic], [.. _summaries], [.. _acks], [.. _checks])
            {
                Alerts = [.. _alerts],
                Instances = [.. _instances],
                Capacity = [.. _capacity],
            };
        }
    }
}
