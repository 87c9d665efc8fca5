using System.Diagnostics;
using DrillRunner.Traffic.Http;
using DrillRunner.Traffic.Recording;

namespace LongDrill;

/// <summary>
/// The traffic generator's own memory over a long run: the real per-second recorder, fed a request pattern for every
/// second of the run and settled as the reporter settles it. Returns the bytes still held afterwards.
/// </summary>
internal static class RecorderMemory
{
    // settle false: the seconds are never settled, so every histogram stays (as before a reported second let it go).
    public static long Retained(TimeSpan length, int perSecond, bool settle = true)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var frequency = Stopwatch.Frequency;
        var recorder = new TrafficRecorder(0, frequency, length, users: 1000);
        var random = new Random(7);
        var seconds = (int)length.TotalSeconds;
        for (var second = 0; second < seconds; second++)
        {
            for (var i = 0; i < perSecond; i++)
            {
                var bucket = recorder.Plan((second * frequency) + (i * frequency / perSecond));
                bucket.Complete(Outcome.Ok, sent: true, late: false, latencyMicros: 2_000 + random.Next(50_000));
            }

            if (settle)
            {
                recorder[second].Settle();
            }
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(recorder);
        return after - before;
    }
}
