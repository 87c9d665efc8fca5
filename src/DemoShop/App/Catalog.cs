namespace DemoShop.App;

/// <summary>The seeded, read-only product catalog.</summary>
internal static class Catalog
{
    public static readonly IReadOnlyList<Product> Products =
    [
        new(1, "Espresso machine", 249.00m),
        new(2, "Coffee grinder", 89.50m),
        new(3, "Milk frother", 39.90m),
        new(4, "Pour-over kettle", 54.00m),
        new(5, "Ceramic dripper", 24.00m),
        new(6, "Paper filters (100)", 6.50m),
        new(7, "Burr cleaning brush", 4.90m),
        new(8, "Digital scale", 29.00m),
        new(9, "Tamper 58 mm", 34.00m),
        new(10, "Knock box", 19.90m),
        new(11, "Latte cups (set of 4)", 44.00m),
        new(12, "Cold brew jar", 27.50m),
        new(13, "Beans: house blend 1 kg", 22.00m),
        new(14, "Beans: single origin 250 g", 12.90m),
        new(15, "Descaler", 9.90m),
        new(16, "Water filter cartridge", 14.50m),
        new(17, "Travel mug", 18.00m),
        new(18, "Moka pot", 32.00m),
        new(19, "French press", 29.90m),
        new(20, "Barista apron", 25.00m),
    ];

    private static readonly Dictionary<int, Product> ById = Products.ToDictionary(p => p.Id);

    public static Product? Find(int id) => ById.GetValueOrDefault(id);
}
