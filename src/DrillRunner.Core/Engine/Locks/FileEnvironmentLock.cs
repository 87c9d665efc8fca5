using System.Globalization;

namespace DrillRunner.Engine.Locks;

/// <summary>
/// An OS file lock per environment in a state folder: held while the file is open, released by the kernel
/// when the process dies, so a crashed runner never leaves the environment locked. Who holds it (run id and pid) is
/// written beside it, since the locked file itself cannot be read by another process.
/// </summary>
public sealed class FileEnvironmentLock(string folder) : IEnvironmentLock
{
    public Task<IAsyncDisposable> AcquireAsync(string environment, string runId, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, environment + ".lock");
        var holderPath = Path.Combine(folder, environment + ".holder");
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new EnvironmentBusyException($"environment '{environment}' is busy: {TryRead(holderPath)} holds {path}");
        }

        File.WriteAllText(holderPath, $"run {runId} on pid {Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}");
        return Task.FromResult<IAsyncDisposable>(stream);
    }

    private static string TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "another process";
        }
    }
}
