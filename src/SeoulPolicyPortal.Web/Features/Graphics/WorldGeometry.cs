using System.Globalization;
using System.Text.Json;

namespace SeoulPolicyPortal.Web.Features.Graphics;

/// <summary>A rectangle in map units (the SVG viewBox space).</summary>
public readonly record struct MapBox(double X0, double Y0, double X1, double Y1)
{
    public double Width => X1 - X0;

    public double Height => Y1 - Y0;

    public bool Intersects(MapBox other) => X0 <= other.X1 && other.X0 <= X1 && Y0 <= other.Y1 && other.Y0 <= Y1;
}

/// <summary>One country's outline: SVG path data in map units, its whole extent and the box of its largest part.</summary>
public sealed record CountryShape(string Code, string PathData, MapBox Extent, MapBox MainBox);

/// <summary>
/// The world map's geometry: Natural Earth 1:110m outlines, projected, simplified and quantized once by
/// tools/geo/prepare-map.mjs into <c>world-map.json</c> (embedded in the assembly). The file never changes while the
/// app runs, so it is read once per process; everything drawn from content is decided per request.
/// City points are projected here with the same Equal Earth projection and parameters the script used.
/// </summary>
public sealed class WorldGeometry
{
    // d3-geo's Equal Earth (Šavrič, Patterson and Jenny 2018), as in d3-geo/src/projection/equalEarth.js.
    private const double A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796;
    private static readonly double M = Math.Sqrt(3) / 2;

    private readonly double _rotate;
    private readonly double _scale;
    private readonly double _translateX;
    private readonly double _translateY;

    public static WorldGeometry Instance { get; } = Load();

    private WorldGeometry(AssetFile asset)
    {
        Width = asset.Width;
        Height = asset.Height;
        _rotate = asset.Projection.Rotate;
        _scale = asset.Projection.Scale;
        _translateX = asset.Projection.Translate[0];
        _translateY = asset.Projection.Translate[1];
        Others = asset.Others;
        Countries = asset.Countries.ToDictionary(
            c => c.Code,
            c => new CountryShape(c.Code, c.D, ExtentOf(c.D), new MapBox(c.Box[0], c.Box[1], c.Box[2], c.Box[3])),
            StringComparer.Ordinal);
        Checks = asset.Checks.Select(c => (c[0], c[1], c[2], c[3])).ToList();
        Source = asset.Source;
    }

    public int Width { get; }

    public int Height { get; }

    public MapBox Bounds => new(0, 0, Width, Height);

    /// <summary>Land without an ISO 3166-1 code (Kosovo, Northern Cyprus, Somaliland): drawn, never linked.</summary>
    public string Others { get; }

    public IReadOnlyDictionary<string, CountryShape> Countries { get; }

    public string Source { get; }

    /// <summary>Points as d3 projected them when the asset was made: longitude, latitude, x, y.</summary>
    public IReadOnlyList<(double Lon, double Lat, double X, double Y)> Checks { get; }

    /// <summary>Projects a point given in degrees to map units.</summary>
    public (double X, double Y) Project(double latitude, double longitude)
    {
        var lambda = (longitude + _rotate) % 360;
        lambda = lambda > 180 ? lambda - 360 : lambda < -180 ? lambda + 360 : lambda;
        var phi = latitude * Math.PI / 180;
        var l = Math.Asin(M * Math.Sin(phi));
        var l2 = l * l;
        var l6 = l2 * l2 * l2;
        var x = lambda * Math.PI / 180 * Math.Cos(l) / (M * (A1 + 3 * A2 * l2 + l6 * (7 * A3 + 9 * A4 * l2)));
        var y = l * (A1 + A2 * l2 + l6 * (A3 + A4 * l2));
        return (_translateX + _scale * x, _translateY - _scale * y);
    }

    private static WorldGeometry Load()
    {
        using var stream = typeof(WorldGeometry).Assembly.GetManifestResourceStream("world-map.json")
            ?? throw new InvalidOperationException("The embedded world map (world-map.json) is missing from the build.");
        var asset = JsonSerializer.Deserialize<AssetFile>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidOperationException("The embedded world map is empty.");
        return new WorldGeometry(asset);
    }

    // The path data is "M x y l dx dy dx dy ... z" repeated (written by prepare-map.mjs), so the extent is a running sum.
    internal static MapBox ExtentOf(string pathData)
    {
        double x0 = double.MaxValue, y0 = double.MaxValue, x1 = double.MinValue, y1 = double.MinValue;
        double x = 0, y = 0;
        var relative = false;
        var numbers = new List<double>(2);
        var i = 0;
        while (i < pathData.Length)
        {
            var c = pathData[i];
            if (c is 'M' or 'l' or 'z')
            {
                relative = c == 'l';
                i++;
                continue;
            }

            if (c == ' ')
            {
                i++;
                continue;
            }

            var start = i;
            i++;
            while (i < pathData.Length && (char.IsAsciiDigit(pathData[i]) || pathData[i] == '.'))
            {
                i++;
            }

            numbers.Add(double.Parse(pathData.AsSpan(start, i - start), CultureInfo.InvariantCulture));
            if (numbers.Count == 2)
            {
                (x, y) = relative ? (x + numbers[0], y + numbers[1]) : (numbers[0], numbers[1]);
                (x0, y0, x1, y1) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x), Math.Max(y1, y));
                numbers.Clear();
            }
        }

        return new MapBox(x0, y0, x1, y1);
    }

    private sealed record ProjectionFile(string Name, double Rotate, double Scale, double[] Translate);

    private sealed record CountryFile(string Code, string Name, int[] Box, string D);

    private sealed record AssetFile(
        string Source, int Width, int Height, ProjectionFile Projection, double[][] Checks, string Others, List<CountryFile> Countries);
}
