using System.Text.Json;
using Microsoft.Extensions.Options;

namespace DemoShop.Orders;

/// <summary>
/// One JSON file per order in a folder shared by all instances, flushed to disk and renamed into place before the
/// 201 is sent, so an acknowledged order survives a kill and is readable through any instance.
/// </summary>
internal sealed class FileOrderStore(IOptionsMonitor<ShopOptions> options) : IOrderStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<string> SaveAsync(Order order, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(options.CurrentValue.OrderStorePath).FullName;
        var final = Path.Combine(folder, order.Id + ".json");
        var temporary = final + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
        {
            await JsonSerializer.SerializeAsync(stream, order, Json, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        // Rename is atomic, so a reader never sees half an order.
        File.Move(temporary, final, overwrite: true);
        return "fsync";
    }

    public async Task<Order?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var file = Path.Combine(options.CurrentValue.OrderStorePath, id + ".json");
        if (!OrderId.IsValid(id) || !File.Exists(file))
        {
            return null;
        }

        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous);
        return await JsonSerializer.DeserializeAsync<Order>(stream, Json, cancellationToken);
    }
}
