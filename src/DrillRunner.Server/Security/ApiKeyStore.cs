using System.Text.Json;
using DrillRunner.Steps;

namespace DrillRunner.Security;

/// <summary>
/// The API keys kept in <c>{state}/apikeys.json</c> (0600, in a 0700 folder): names, roles and SHA-256 hashes, never a
/// key. <c>drill apikey new|list|remove</c> edit it; a running server reads it again whenever it changes, so a removed
/// key stops working (and its dashboard sessions end) without a restart. Writes take a lock file and replace the file
/// atomically.
/// </summary>
public sealed class ApiKeyStore
{
    public const string FileName = "apikeys.json";

    private readonly Lock _gate = new();
    private (DateTime WrittenAt, long Length) _seen = (DateTime.MinValue, -1);
    private IReadOnlyList<StoredApiKey> _keys = [];

    public ApiKeyStore(string stateDirectory)
    {
        ArgumentNullException.ThrowIfNull(stateDirectory);
        Folder = Path.GetFullPath(stateDirectory);
        FilePath = Path.Combine(Folder, FileName);
    }

    public string Folder { get; }

    public string FilePath { get; }

    /// <summary>The stored keys as the file holds them now.</summary>
    public IReadOnlyList<StoredApiKey> All()
    {
        var info = new FileInfo(FilePath);
        var stamp = info.Exists ? (info.LastWriteTimeUtc, info.Length) : (DateTime.MinValue, -1L);
        lock (_gate)
        {
            if (stamp != _seen)
            {
                _keys = info.Exists ? Read() : [];
                _seen = stamp;
            }

            return _keys;
        }
    }

    /// <summary>Adds a new random key and returns it: the only moment it exists outside the caller's hands.</summary>
    public async Task<string> CreateAsync(string name, string role, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!Roles.All.Contains(role, StringComparer.Ordinal))
        {
            throw new ArgumentException($"role '{role}' is not one of {string.Join(", ", Roles.All)}", nameof(role));
        }

        var key = ApiKeyGenerator.New();
        var now = time.GetUtcNow();
        await UpdateAsync(time, keys =>
        {
            if (keys.Any(k => string.Equals(k.Name, name, StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"a key named '{name}' already exists in {FilePath}; remove it first (drill apikey remove {name})");
            }

            return [.. keys, new StoredApiKey(name, role, ApiKeyHash.Compute(key), now)];
        }, cancellationToken);
        return key;
    }

    /// <summary>Removes the key named <paramref name="name"/>; false when there was none.</summary>
    public async Task<bool> RemoveAsync(string name, TimeProvider time, CancellationToken cancellationToken)
    {
        var removed = false;
        await UpdateAsync(time, keys =>
        {
            removed = keys.Any(k => string.Equals(k.Name, name, StringComparison.Ordinal));
            return [.. keys.Where(k => !string.Equals(k.Name, name, StringComparison.Ordinal))];
        }, cancellationToken);
        return removed;
    }

    private async Task UpdateAsync(TimeProvider time, Func<IReadOnlyList<StoredApiKey>, IReadOnlyList<StoredApiKey>> change, CancellationToken cancellationToken)
    {
        OwnerOnly.EnsureFolder(Folder);
        var lockOptions = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            lockOptions.UnixCreateMode = OwnerOnly.File;
        }

        using var held = await OpenLockAsync(FilePath + ".lock", lockOptions, time, cancellationToken);
        var keys = File.Exists(FilePath) ? Read() : [];
        OwnerOnly.WriteAllText(FilePath, JsonSerializer.Serialize(new KeyFile(change(keys)), JsonDefaults.Options));
        lock (_gate)
        {
            _seen = (DateTime.MinValue, -1);
        }
    }

    // Another `drill apikey` holds the lock for a few milliseconds at most; give up after about five seconds.
    private static async Task<FileStream> OpenLockAsync(string path, FileStreamOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new FileStream(path, options);
            }
            catch (IOException) when (attempt < 100)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
            }
        }
    }

    private List<StoredApiKey> Read()
    {
        try
        {
            return [.. JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(FilePath), JsonDefaults.Options)?.Keys ?? []];
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{FilePath} is not a valid key file: {ex.Message}", ex);
        }
        catch (FileNotFoundException)
        {
            return [];
        }
    }

    private sealed record KeyFile(IReadOnlyList<StoredApiKey> Keys);
}
