using DrillRunner.Drills;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrillRunner.Scheduling;

/// <summary>
/// Keeps Hangfire's recurring jobs equal to the drill files: one job <c>drill:NAME</c> per drill with a schedule,
/// registered at start-up and again (debounced) whenever a file in the drills folder changes; a drill that is gone
/// or lost its schedule loses its job. Nothing that matters lives only in Hangfire.
/// </summary>
internal sealed partial class ScheduleSync(DrillIndex drills, IRecurringJobManager recurring, JobStorage storage, TimeProvider time, ILogger<ScheduleSync> log)
    : IHostedService, IDisposable
{
    public const string JobPrefix = "drill:";
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(500);

    private readonly Lock _lock = new();
    private FileSystemWatcher? _watcher;
    private ITimer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Sync();
        _timer = time.CreateTimer(_ => Sync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(drills.Folder) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        _watcher.Changed += (_, _) => Changed();
        _watcher.Created += (_, _) => Changed();
        _watcher.Deleted += (_, _) => Changed();
        _watcher.Renamed += (_, _) => Changed();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _timer?.Dispose();
    }

    /// <summary>Reloads the drill files and makes the recurring jobs match them.</summary>
    public void Sync()
    {
        lock (_lock)
        {
            var wanted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in drills.Reload())
            {
                if (entry.ScheduleError is { } error)
                {
                    LogBadSchedule(entry.Name, error);
                }

                if (entry.Schedule is not { } schedule)
                {
                    continue;
                }

                var id = JobPrefix + entry.Name;
                wanted.Add(id);
                recurring.AddOrUpdate<ScheduledDrillJob>(id, job => job.RunAsync(entry.Name, CancellationToken.None), schedule.Spec.Cron,
                    new RecurringJobOptions { TimeZone = schedule.Zone });
            }

            using var connection = storage.GetConnection();
            foreach (var job in connection.GetRecurringJobs().Where(j => j.Id.StartsWith(JobPrefix, StringComparison.Ordinal) && !wanted.Contains(j.Id)))
            {
                recurring.RemoveIfExists(job.Id);
            }
        }
    }

    private void Changed() => _timer?.Change(Debounce, Timeout.InfiniteTimeSpan);

    [LoggerMessage(Level = LogLevel.Warning, Message = "drill {Drill} is not scheduled: {Error}")]
    private partial void LogBadSchedule(string drill, string error);
}
