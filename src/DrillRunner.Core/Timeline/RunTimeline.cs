namespace DrillRunner.Timeline;

/// <summary>The thread-safe, append-only record of a run's events, probe samples and traffic.</summary>
public sealed class RunTimeline
{
    private readonly Lock _gate = new();
    private readonly List<TimelineEvent> _events = [];
    private readonly List<ProbeSample> _samples = [];
    private readonly List<TrafficSecond> _traffic = [];
    private readonly List<TrafficSummary> _summaries = [];
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

    public TimelineSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new TimelineSnapshot([.. _events], [.. _samples], [.. _traffic], [.. _summaries], [.. _acks], [.. _checks]) { Steps = [.. _steps] };
        }
    }
}
