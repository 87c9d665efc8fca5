using System.Collections.Concurrent;
using System.Net;
using DrillRunner.Options;
using Microsoft.Extensions.Options;

namespace DrillRunner.Security;

/// <summary>
/// Slows guessing of API keys: counts failed sign-ins per remote address and, past the free attempts, refuses further
/// attempts from that address for a delay that doubles with each failure (see <see cref="FailedSignInOptions"/>).
/// A success does not reset the count, so holding one valid key does not make guessing another cheaper.
/// </summary>
internal sealed class SignInThrottle(IOptionsMonitor<DrillServerOptions> options, TimeProvider time)
{
    // Bounded: a flood from many addresses cannot grow this without limit; the oldest entries go first.
    private const int MaxAddresses = 10_000;

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>How long <paramref name="address"/> must wait before its next attempt; zero when it may try now.</summary>
    public TimeSpan WaitFor(IPAddress? address)
    {
        var settings = options.CurrentValue.FailedSignIns;
        if (!_failures.TryGetValue(Key(address), out var failures))
        {
            return TimeSpan.Zero;
        }

        var now = time.GetUtcNow();
        lock (failures)
        {
            if (now - failures.Last >= settings.ForgetAfter)
            {
                _failures.TryRemove(Key(address), out _);
                return TimeSpan.Zero;
            }

            var wait = failures.Last + Delay(failures.Count, settings) - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
    }

    public void Failed(IPAddress? address)
    {
        var settings = options.CurrentValue.FailedSignIns;
        var now = time.GetUtcNow();
        if (_failures.Count >= MaxAddresses)
        {
            foreach (var stale in _failures.OrderBy(f => f.Value.Last).Take(MaxAddresses / 10).Select(f => f.Key).ToList())
            {
                _failures.TryRemove(stale, out _);
            }
        }

        var failures = _failures.GetOrAdd(Key(address), _ => new Failures());
        lock (failures)
        {
            if (failures.Count > 0 && now - failures.Last >= settings.ForgetAfter)
            {
                failures.Count = 0;
            }

            failures.Count++;
            failures.Last = now;
        }
    }

    /// <summary>
    /// The wait after <paramref name="count"/> failures: none while fewer than the free attempts failed, then 1 s,
    /// doubling with each further failure up to the cap.
    /// </summary>
    public static TimeSpan Delay(int count, FailedSignInOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (count < settings.FreeAttempts)
        {
            return TimeSpan.Zero;
        }

        var seconds = Math.Pow(2, Math.Min(count - settings.FreeAttempts, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, settings.MaxDelay.TotalSeconds));
    }

    private static string Key(IPAddress? address) => address?.ToString() ?? "?";

    private sealed class Failures
    {
        public int Count { get; set; }

        public DateTimeOffset Last { get; set; }
    }
}
