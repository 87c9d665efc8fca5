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
