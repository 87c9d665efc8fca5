using DrillRunner.Traffic.Http;
using DrillRunner.Traffic.Recording;

namespace DrillRunner.Traffic.Running;

/// <summary>What every part of one run shares: the plan, the clock, where to send, where to record.</summary>
internal sealed class RunContext
{
    public RunContext(LoadPlan plan, TimeProvider time, TargetEndpoint endpoint, TimeSpan duration)
    {
        Plan = plan;
        Time = time;
        Endpoint = endpoint;
        Frequency = time.TimestampFrequency;
        Mix = new RequestMix(plan.Mix, plan.Target);
        TimeoutTicks = ToTicks(plan.Timeout);
        LateTicks = ToTicks(TrafficConstants.LateThreshold);
        StartedAt = time.GetUtcNow();
        Start = time.GetTimestamp();
        Deadline = Start + ToTicks(duration);
        Recorder = new TrafficRecorder(Start, Frequency, duration, plan.Users);
    }

    public LoadPlan Plan { get; }

    public Action<RequestRecord>? Observer { get; init; }

    public TimeProvider Time { get; }

    public TargetEndpoint Endpoint { get; }

    public RequestMix Mix { get; }

    public TrafficRecorder Recorder { get; }

    public long Frequency { get; }

    public long Start { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>No request is intended at or after this timestamp.</summary>
    public long Deadline { get; }

    public long TimeoutTicks { get; }

    public long LateTicks { get; }

    /// <summary>Requests issued but not yet finished (sent, or waiting for a connection).</summary>
    public long InFlight;

    /// <summary>How far request issuing has got: every request intended before this timestamp is planned.</summary>
    public long Frontier;

    /// <summary>When the last request was issued (0 until then); set by the open model's pacer.</summary>
    public long IssuingEnded;

    public long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Frequency);

    public double Seconds(long ticks) => (double)ticks / Frequency;
}
