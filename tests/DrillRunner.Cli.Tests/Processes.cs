using System.Globalization;
using System.Text.RegularExpressions;

namespace DrillRunner.Cli.Tests;

/// <summary>Reads process ids the CLI printed and checks them against /proc.</summary>
internal static partial class Processes
{
    [GeneratedRegex(@"pid (\d+)")]
    private static partial Regex PidPattern();

    public static IReadOnlyList<int> PrintedPids(string output) =>
        PidPattern().Matches(output).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().ToList();

    public static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
