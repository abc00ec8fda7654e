namespace SeoulPolicyPortal.Web.Features.Projects;

public sealed partial class ProjectCatalogue
{
    /// <summary>What one catalogue question asks of the rows, with names resolved to what the rows hold.</summary>
    /// <param name="AreaId">-1 when the chosen area is not a live one (nothing matches).</param>
    /// <param name="Hits">Positions of the rows a text search found, or null when there is no text search.</param>
    private sealed record Criteria(int? AreaId, string? Concentration, string? Country, string? Region, int? Year, HashSet<int>? Hits)
    {
        public bool IsEmpty => AreaId is null && Concentration is null && Country is null && Region is null && Year is null && Hits is null;

        public static Criteria From(ProjectFilter filter, CatalogueRows data, HashSet<int>? hits) => new(
            filter.Area is null ? null : data.LiveAreaIds.GetValueOrDefault(filter.Area, -1),
            filter.Concentration, filter.Country, filter.Region, filter.Year, hits);
    }

    /// <summary>
    /// The rows' positions by filter value and in each order, built once per set of rows (per ContentVersion and
    /// culture for the published catalogue), so a filter or a facet visits only the rows that can match instead of all
    /// of them: with 100 000 projects, six passes over every row per page were the catalogue's whole cost
    /// (docs/performance.md).
    /// </summary>
    private sealed class CatalogueIndex
    {
        private readonly List<ProjectRow> _rows;
        private readonly int[] _all;
        private readonly Dictionary<int, int[]> _byArea;
        private readonly Dictionary<string, int[]> _byConcentration;
        private readonly Dictionary<string, int[]> _byCountry;
        private readonly Dictionary<string, int[]> _byRegion;
        private readonly Dictionary<int, int[]> _byYear;
        private readonly Dictionary<int, int> _positionOfId;
        private readonly Dictionary<string, string> _countryNames = new(StringComparer.Ordinal);
        private readonly int[][] _order = new int[3][];
        private readonly int[][] _rank = new int[3][];

        public CatalogueIndex(List<ProjectRow> rows, RegionRows regions)
        {
            _rows = rows;
            _all = Enumerable.Range(0, rows.Count).ToArray();
            CountriesOf = new string[rows.Count][];
            RegionsOf = new string[rows.Count][];
            var byArea = new Dictionary<int, List<int>>();
            var byConcentration = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            var byCountry = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            var byRegion = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            var byYear = new Dictionary<int, List<int>>();
            _positionOfId = new Dictionary<int, int>(rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                _positionOfId[row.Id] = i;
                foreach (var partner in row.Countries)
                {
                    _countryNames.TryAdd(partner.Country!, partner.CountryName ?? partner.Country!);
                }

                CountriesOf[i] = row.Countries.Select(c => c.Country!).Distinct().ToArray();
                RegionsOf[i] = CountriesOf[i].Select(c => regions.RegionOfCountry.GetValueOrDefault(c)).OfType<string>().Distinct().ToArray();
                Add(byArea, row.AreaId, i);
                Add(byConcentration, row.Concentration, i);
                foreach (var code in CountriesOf[i])
                {
                    Add(byCountry, code, i);
                }

                foreach (var region in RegionsOf[i])
                {
                    Add(byRegion, region, i);
                }

                for (var year = row.StartYear; year <= row.EndYear; year++)
                {
                    Add(byYear, year, i);
                }
            }

            (_byArea, _byConcentration, _byCountry, _byRegion, _byYear) =
                (Freeze(byArea), Freeze(byConcentration), Freeze(byCountry), Freeze(byRegion), Freeze(byYear));
            foreach (var sort in Enum.GetValues<ProjectSort>())
            {
                var order = Sort(_all.Select(i => rows[i]), sort).Select(r => _positionOfId[r.Id]).ToArray();
                var rank = new int[order.Length];
                for (var r = 0; r < order.Length; r++)
                {
                    rank[order[r]] = r;
                }

                (_order[(int)sort], _rank[(int)sort]) = (order, rank);
            }
        }

        /// <summary>Each row's distinct partner country codes.</summary>
        public string[][] CountriesOf { get; }

        /// <summary>Each row's distinct regions (a project with partners in several regions belongs to each).</summary>
        public string[][] RegionsOf { get; }

        public ProjectRow this[int position] => _rows[position];

        /// <summary>The facets and summary of the published catalogue without any filter, the same for every such page.</summary>
        public CatalogueFacets? Unfiltered { get; set; }

        public string? CountryName(string code) => _countryNames.GetValueOrDefault(code);

        public HashSet<int> PositionsOf(IEnumerable<int> ids) =>
            ids.Select(id => _positionOfId.TryGetValue(id, out var position) ? position : -1).Where(p => p >= 0).ToHashSet();

        /// <summary>
        /// Positions of the rows matching every criterion but <paramref name="ignore"/> (a facet counts without its
        /// own filter), ascending: only the shortest list of rows that one criterion allows is visited.
        /// </summary>
        public List<int> Matching(Criteria criteria, string? ignore = null)
        {
            IReadOnlyCollection<int>? shortest = null;
            void Consider<TKey>(Dictionary<TKey, int[]> index, TKey? key, string facet)
                where TKey : notnull
            {
                if (key is not null && ignore != facet)
                {
                    var list = index.GetValueOrDefault(key, []);
                    if (shortest is null || list.Length < shortest.Count)
                    {
                        shortest = list;
                    }
                }
            }

            if (criteria.AreaId is { } areaId)
            {
                Consider(_byArea, areaId, "area");
            }

            if (criteria.Year is { } year)
            {
                Consider(_byYear, year, "year");
            }

            Consider(_byConcentration, criteria.Concentration, "concentration");
            Consider(_byCountry, criteria.Country, "country");
            Consider(_byRegion, criteria.Region, "region");
            if (criteria.Hits is not null && (shortest is null || criteria.Hits.Count < shortest.Count))
            {
                shortest = criteria.Hits.Order().ToArray();
            }

            var matching = new List<int>();
            foreach (var i in shortest ?? _all)
            {
                if (Passes(i, criteria, ignore))
                {
                    matching.Add(i);
                }
            }

            return matching;
        }

        /// <summary>The rows at these positions in the chosen order.</summary>
        public IEnumerable<ProjectRow> Ordered(List<int> positions, ProjectSort sort)
        {
            var (order, rank) = (_order[(int)sort], _rank[(int)sort]);
            if (positions.Count == _rows.Count)
            {
                return order.Select(i => _rows[i]);
            }

            var ranks = new int[positions.Count];
            for (var i = 0; i < ranks.Length; i++)
            {
                ranks[i] = rank[positions[i]];
            }

            Array.Sort(ranks);
            return ranks.Select(r => _rows[order[r]]);
        }

        private bool Passes(int i, Criteria criteria, string? ignore)
        {
            var row = _rows[i];
            return (criteria.AreaId is not { } areaId || ignore == "area" || row.AreaId == areaId)
                && (criteria.Concentration is null || ignore == "concentration" || row.Concentration == criteria.Concentration)
                && (criteria.Country is null || ignore == "country" || Array.IndexOf(CountriesOf[i], criteria.Country) >= 0)
                && (criteria.Region is null || ignore == "region" || Array.IndexOf(RegionsOf[i], criteria.Region) >= 0)
                && (criteria.Year is not { } year || ignore == "year" || (row.StartYear <= year && row.EndYear >= year))
                && (criteria.Hits is null || criteria.Hits.Contains(i));
        }

        private static void Add<TKey>(Dictionary<TKey, List<int>> index, TKey key, int position)
            where TKey : notnull
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
            }

            list.Add(position);
        }

        private static Dictionary<TKey, int[]> Freeze<TKey>(Dictionary<TKey, List<int>> index)
            where TKey : notnull =>
            index.ToDictionary(e => e.Key, e => e.Value.ToArray(), index.Comparer);
    }
}
