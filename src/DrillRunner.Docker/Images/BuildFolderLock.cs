using DrillRunner.Drivers;

namespace DrillRunner.Docker.Images;

/// <summary>
/// One build per publish folder at a time, across processes too (tests, the bench and the CLI share the
/// cache): an exclusive open of a lock file, which .NET backs with <c>flock</c> on Unix.
/// </summary>
internal static class BuildFolderLock
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(200);

    public static async Task<IDisposable> AcquireAsync(string folder, IProgress<string> progress, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, ".lock");
        var started = timeProvider.GetTimestamp();
        var reported = false;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (timeProvider.GetElapsedTime(started) < Timeout)
            {
                if (!reported)
                {
                    progress.Report($"waiting for another build using {folder}");
                    reported = true;
                }

                await Task.Delay(RetryInterval, timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new DriverException($"Another build held {path} for over {Timeout.TotalMinutes} minutes.", e);
            }
        }
    }
}
