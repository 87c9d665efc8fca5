using System.Globalization;

namespace DrillRunner.Drivers;

/// <summary>POSIX signal names and their Linux numbers (x64 and arm64 share them), for drills and drivers.</summary>
public static class SignalNames
{
    private static readonly Dictionary<string, int> Numbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HUP"] = 1,
        ["INT"] = 2,
        ["QUIT"] = 3,
        ["ABRT"] = 6,
        ["KILL"] = 9,
        ["USR1"] = 10,
        ["SEGV"] = 11,
        ["USR2"] = 12,
        ["TERM"] = 15,
        ["CONT"] = 18,
        ["STOP"] = 19,
        ["WINCH"] = 28,
    };

    /// <summary>The names accepted, for messages.</summary>
    public static IEnumerable<string> Known => Numbers.Keys.Select(k => "SIG" + k);

    /// <summary>The number of <c>SIGHUP</c>, <c>HUP</c> or <c>1</c>; null when unknown.</summary>
    public static int? Parse(string? signal)
    {
        var name = (signal ?? "").Trim();
        if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number is > 0 and < 65 ? number : null;
        }

        if (name.StartsWith("SIG", StringComparison.OrdinalIgnoreCase))
        {
            name = name[3..];
        }

        return Numbers.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>The name without its <c>SIG</c> prefix (<c>HUP</c>), as <c>kill -s</c> takes it.</summary>
    public static string ShortName(int number) =>
        Numbers.FirstOrDefault(p => p.Value == number).Key ?? number.ToString(CultureInfo.InvariantCulture);
}
