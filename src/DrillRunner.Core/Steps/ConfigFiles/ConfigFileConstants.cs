namespace DrillRunner.Steps.ConfigFiles;

internal static class ConfigFileConstants
{
    /// <summary>Undo kind of every config-file change (misconfigure and set-config alike).</summary>
    public const string UndoKind = "config-file";

    /// <summary>Config files are small; anything larger is refused rather than carried in the journal.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>In check and exec commands: the config file's path in the instance.</summary>
    public const string FilePlaceholder = "{file}";
}
