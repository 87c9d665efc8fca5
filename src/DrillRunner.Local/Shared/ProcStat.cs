using System.Globalization;

namespace DrillRunner.Local.Shared;

/// <summary>The fields of <c>/proc/&lt;pid&gt;/stat</c> the local driver needs.</summary>
internal sealed record ProcStat(char State, int ProcessGroup, int Session, long StartTicks, int ParentId = 0)
{
    /// <summary>True for a live process: not a zombie (Z) or dead (X).</summary>
    public bool IsAlive => State is not ('Z' or 'X' or 'x');

    /// <summary>Stopped by a signal (T) or by a tracer (t): what SIGSTOP leaves.</summary>
    public bool IsStopped => State is 'T' or 't';

    public static ProcStat? Read(int pid)
    {
        try
        {
            return Parse(File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Parses a stat line; the command name (field 2) may hold spaces and parentheses, so split after the last ')'.</summary>
    public static ProcStat? Parse(string line)
    {
        var end = line.LastIndexOf(')');
        if (end < 0 || end + 2 >= line.Length)
        {
            return null;
        }

        // Fields from 3 on: state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt
        // utime stime cutime cstime priority nice num_threads itrealvalue starttime (field 22).
        var fields = line[(end + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 20 || fields[0].Length != 1)
        {
            return null;
        }

        return new ProcStat(
            fields[0][0],
            int.Parse(fields[2], CultureInfo.InvariantCulture),
            int.Parse(fields[3], CultureInfo.InvariantCulture),
            long.Parse(fields[19], CultureInfo.InvariantCulture),
            int.Parse(fields[1], CultureInfo.InvariantCulture));
    }

    /// <summary>The live process with this pid, if it is still the one that started at <paramref name="startTicks"/>.</summary>
    public static ProcStat? ReadAlive(int? pid, long? startTicks)
    {
        if (pid is not { } id)
        {
            return null;
        }

        var stat = Read(id);
        return stat is { IsAlive: true } && (startTicks is null || stat.StartTicks == startTicks) ? stat : null;
    }
}
