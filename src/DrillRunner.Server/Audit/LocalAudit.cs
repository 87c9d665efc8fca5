namespace DrillRunner.Audit;

/// <summary>
/// The audit log of a state folder for commands that change safety state without the server (<c>drill halt</c>,
/// <c>drill recover --give-up</c>): the same <c>audit.db</c> a <c>drill serve</c> on that folder writes and serves.
/// </summary>
public static class LocalAudit
{
    public const string FileName = "audit.db";

    public static Task WriteAsync(string stateDirectory, string who, string action, string target, string? detail, TimeProvider time) =>
        new AuditLog(Path.Combine(stateDirectory, FileName), time).WriteAsync(who, null, action, target, detail, CancellationToken.None);
}
