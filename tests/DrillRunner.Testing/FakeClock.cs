using Microsoft.Extensions.Time.Testing;

namespace DrillRunner.Testing;

/// <summary>Drives a <see cref="FakeTimeProvider"/> forward until a task under test completes.</summary>
public static class FakeClock
{
    public static FakeTimeProvider Create() => new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

    /// <summary>Advances in small steps, letting real async work (SQLite, thread pool) run between steps.</summary>
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Task<T> work, TimeSpan? step = null, TimeSpan? limit = null)
    {
        var increment = step ?? TimeSpan.FromMilliseconds(50);
        var end = time.GetUtcNow() + (limit ?? TimeSpan.FromMinutes(10));
        while (!work.IsCompleted)
        {
            if (time.GetUtcNow() > end)
            {
                throw new TimeoutException($"work did not finish within {limit ?? TimeSpan.FromMinutes(10)} of fake time");
            }

            // Let continuations scheduled by the last advance run before moving time again.
            await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System);
            time.Advance(increment);
        }

        return await work;
    }
}
