using System.Globalization;
using System.Text;

namespace DrillRunner.Cli.Tests.DataTier;

/// <summary>Processes still running from a workspace (their command line or environment names it) or named after an environment.</summary>
internal static class Leftovers
{
    public static IReadOnlyList<string> Find(string workspace, string environment)
    {
        var found = new List<string>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(System.IO.Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            var command = Read(System.IO.Path.Combine(entry, "cmdline"));
            var environ = Read(System.IO.Path.Combine(entry, "environ"));
            var mine = command.Contains(workspace, StringComparison.Ordinal) || environ.Contains("DRILLRUNNER_INSTANCE=" + environment + "-", StringComparison.Ordinal)
                || command.Contains($"postgres: {environment}:", StringComparison.Ordinal);
            if (mine && !command.Contains("drill.dll", StringComparison.Ordinal))
            {
                found.Add($"{pid} {command}");
            }
        }

        return found;
    }

    /// <summary>
    /// The processes of an environment's instances (marked with the instance's id) running <paramref name="program"/>
    /// with <paramref name="argument"/> among its arguments (or a worker of it: <c>restore:local</c>).
    /// </summary>
    public static IReadOnlyList<string> Running(string environment, string program, string argument)
    {
        var found = new List<string>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(System.IO.Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            var words = Read(System.IO.Path.Combine(entry, "cmdline")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var runs = words.Any(w => System.IO.Path.GetFileName(w) == program) && words.Any(w => w == argument || w.StartsWith(argument + ":", StringComparison.Ordinal));
            if (runs && Read(System.IO.Path.Combine(entry, "environ")).Contains("DRILLRUNNER_INSTANCE=" + environment + "-", StringComparison.Ordinal))
            {
                found.Add($"{pid} {string.Join(' ', words)}");
            }
        }

        return found;
    }

    private static string Read(string path)
    {
        try
        {
            return Encoding.UTF8.GetString(File.ReadAllBytes(path)).Replace('\0', ' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
