namespace DrillRunner.Drivers.Capabilities;

/// <summary>
/// An instance's data folder (<c>{data}</c>) as something that can be lost and found again: where it is, moving it
/// aside (the disaster: the database's files are gone, an empty folder in their place), putting the set-aside copy
/// back, keeping it for forensics or removing it. Every move needs the instance stopped with none of its processes
/// left, is idempotent (done already: nothing to do) and checks its result.
/// </summary>
[Capability("setting instances' data folders aside and back (destroy-data)")]
public interface IInstanceData : IDriverCapability
{
    /// <summary>
    /// Where the instance's data folder is and where a copy set aside under <paramref name="asideName"/> goes (in the
    /// same filesystem or volume, so a move is a rename); null when the instance has no data folder.
    /// </summary>
    Task<DataLocation?> LocateAsync(string instanceId, string asideName, CancellationToken cancellationToken);

    Task<DataFolderState> InspectAsync(DataLocation location, CancellationToken cancellationToken);

    /// <summary>Moves the data folder to <see cref="DataLocation.SetAside"/> and leaves an empty one, owned by the service's user.</summary>
    Task SetAsideAsync(DataLocation location, CancellationToken cancellationToken);

    /// <summary>Replaces whatever the data folder holds now with the set-aside copy.</summary>
    Task PutBackAsync(DataLocation location, CancellationToken cancellationToken);

    /// <summary>Renames the set-aside copy to <see cref="DataLocation.Kept"/>: no undo puts it back any more; <c>env down</c> removes it.</summary>
    Task KeepAsync(DataLocation location, CancellationToken cancellationToken);

    Task RemoveSetAsideAsync(DataLocation location, CancellationToken cancellationToken);
}

/// <summary>
/// An instance's data folder as its processes see it (<see cref="Path"/>, what <c>{data}</c> names), the folder it is
/// set aside to, the name a copy kept for forensics gets, the service's shared folder (<c>{shared}</c>) if any, and on
/// Docker the volume holding them. Journaled before the data is touched: an undo finds everything here.
/// </summary>
public sealed record DataLocation(string Instance, string Path, string SetAside, string Kept, string? Shared = null, string? Volume = null)
{
    public override string ToString() => Volume is null ? Path : $"{Path} in volume {Volume}";
}

/// <summary>What a data folder and its set-aside copy look like now.</summary>
public sealed record DataFolderState(bool DataExists, bool DataEmpty, bool SetAsideExists, bool KeptExists)
{
    /// <summary>The folder has content (a database, or what a restore wrote so far).</summary>
    public bool HasData => DataExists && !DataEmpty;
}
