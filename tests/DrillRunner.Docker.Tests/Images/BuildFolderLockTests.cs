using DrillRunner.Docker.Images;
using DrillRunner.Docker.Tests.Infrastructure;

namespace DrillRunner.Docker.Tests.Images;

public sealed class BuildFolderLockTests
{
    [Fact]
    public async Task A_second_build_waits_until_the_first_releases_the_folder()
    {
        var folder = Directory.CreateTempSubdirectory("drillrunner-lock-").FullName;
        try
        {
            var progress = new ListProgress();
            var first = await BuildFolderLock.AcquireAsync(folder, new Progress<string>(), TimeProvider.System, CancellationToken.None);
            var second = BuildFolderLock.AcquireAsync(folder, progress, TimeProvider.System, CancellationToken.None);

            await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System);
            Assert.False(second.IsCompleted, "the folder was handed out twice");
            Assert.Contains(progress.Lines, l => l.StartsWith("waiting for another build", StringComparison.Ordinal));

            first.Dispose();
            using var acquired = await second.WaitAsync(TimeSpan.FromSeconds(5), TimeProvider.System);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
