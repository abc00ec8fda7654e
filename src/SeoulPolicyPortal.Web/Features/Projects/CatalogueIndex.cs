using System.Collections.Concurrent;

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

    /// <summary>The filters a facet can ignore, in the order <see cref="CatalogueCounts"/> keeps their counts.</summary>
    private enum Dimension
    {
        Area,
        Concentration,
        Country,
        Region,
        Year,
    }

    /// <summary>
    /// One catalogue question's answer in numbers: the matching rows, each facet's counts (under every filter but its
    /// own) and the matching rows' own counts for the map and the charts. Counts are indexed by the values' numbers in
    /// <see cref="CatalogueIndex"/>; read them through its methods.
    /// </summary>
    private sealed class CatalogueCounts
    {
        public required IReadOnlyList<int> Matching { get; init; }

        public required int[][] Facets { get; init; }

        public required int[] Areas { get; init; }

        public required int[] Concentrations { get; init; }

        public required int[] Countries { get; init; }

        public required int[] Regions { get; init; }

        public int WithoutCountry { get; set; }

        /// <summary>Per year of the index (from its first year), the matching rows active then, and the same per area.</summary>
        public required int[] YearTotals { get; init; }

        public required int[][] YearAreas { get; init; }

        public int FirstMatchingYear { get; set; } = int.MaxValue;

        public int LastMatchingYear { get; set; } = int.MinValue;
    }

    /// <summary>
    /// The rows' positions by filter value and in each order, built once per set of rows (per ContentVersion and
    /// culture for the published catalogue). Every value a row is filtered or counted by has a small number, so counting
    /// is adding into arrays over the shortest list of rows a question allows: with 100 000 projects, a list per facet
    /// counted through string-keyed dictionaries cost most of a page (docs/performance.md).
    /// </summary>
    private sealed class CatalogueIndex
    {
        private const int NoValue = -1;

        private readonly List<ProjectRow> _rows;
        private readonly int[] _all;
        private readonly Dictionary<int, int> _positionOfId;
        private readonly Dictionary<string, string> _countryNames = new(StringComparer.Ordinal);

        private readonly Dictionary<int, int> _areaNumbers = [];
        private readonly Dictionary<string, int> _slugNumbers = new(StringComparer.Ordinal);
        private readonly Dictionary<(int AreaId, string Slug), int> _concentrationNumbers = [];
        private readonly Dictionary<string, int> _countryNumbers = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _regionNumbers = new(StringComparer.Ordinal);
        private readonly List<string> _countryCodes = [];

        private readonly int[] _areaOf;
        private readonly int[] _slugOf;
        private readonly int[] _concentrationOf;
        private readonly int[][] _countriesOf;
        private readonly int[][] _regionsOf;
        private readonly int _firstYear;
        private readonly int _yearCount;

        private readonly int[][] _byArea;
        private readonly int[][] _bySlug;
        private readonly int[][] _byCountry;
        private readonly int[][] _byRegion;
        private readonly int[][] _byYear;

        private readonly int[][] _order = new int[3][];
        private readonly int[][] _rank = new int[3][];
        private readonly CatalogueCounts? _everything;

        public CatalogueIndex(List<ProjectRow> rows, RegionRows regions)
        {
            _rows = rows;
            _all = Enumerable.Range(0, rows.Count).ToArray();
            _positionOfId = new Dictionary<int, int>(rows.Count);
            (_areaOf, _slugOf, _concentrationOf) = (new int[rows.Count], new int[rows.Count], new int[rows.Count]);
            (_countriesOf, _regionsOf) = (new int[rows.Count][], new int[rows.Count][]);
            _firstYear = rows.Count == 0 ? 0 : rows.Min(r => r.StartYear);
            _yearCount = rows.Count == 0 ? 0 : rows.Max(r => r.EndYear) - _firstYear + 1;

            static int Number<TKey>(Dictionary<TKey, int> numbers, TKey key)
                where TKey : notnull
            {
                if (!numbers.TryGetValue(key, out var number))
                {
                    numbers[key] = number = numbers.Count;
                }

                return number;
            }

            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                _positionOfId[row.Id] = i;
                _areaOf[i] = Number(_areaNumbers, row.AreaId);
                _slugOf[i] = Number(_slugNumbers, row.Concentration);
                _concentrationOf[i] = Number(_concentrationNumbers, (row.AreaId, row.Concentration));
                var codes = row.Countries.Select(c => c.Country!).Distinct().ToArray();
                foreach (var partner in row.Countries)
                {
                    _countryNames.TryAdd(partner.Country!, partner.CountryName ?? partner.Country!);
                }

                _countriesOf[i] = codes.Select(code =>
                {
                    var number = Number(_countryNumbers, code);
                    if (number == _countryCodes.Count)
                    {
                        _countryCodes.Add(code);
                    }

                    return number;
                }).ToArray();
                _regionsOf[i] = codes.Select(c => regions.RegionOfCountry.GetValueOrDefault(c)).OfType<string>().Distinct()
                    .Select(r => Number(_regionNumbers, r)).ToArray();
            }

            _byArea = Postings(_areaNumbers.Count, i => [_areaOf[i]]);
            _bySlug = Postings(_slugNumbers.Count, i => [_slugOf[i]]);
            _byCountry = Postings(_countryNumbers.Count, i => _countriesOf[i]);
            _byRegion = Postings(_regionNumbers.Count, i => _regionsOf[i]);
            _byYear = Postings(_yearCount, i => Enumerable.Range(rows[i].StartYear - _firstYear, rows[i].EndYear - rows[i].StartYear + 1));

            foreach (var sort in Enum.GetValues<ProjectSort>())
            {
                var order = Sort(rows, sort).Select(r => _positionOfId[r.Id]).ToArray();
                var rank = new int[order.Length];
                for (var r = 0; r < order.Length; r++)
                {
                    rank[order[r]] = r;
                }

                (_order[(int)sort], _rank[(int)sort]) = (order, rank);
            }

            _everything = CountInOnePass([], hits: null);
        }

        public ProjectRow this[int position] => _rows[position];

        /// <summary>The facets and summary of the published catalogue without any filter, the same for every such page.</summary>
        public CatalogueFacets? Unfiltered { get; set; }

        public string? CountryName(string code) => _countryNames.GetValueOrDefault(code);

        public HashSet<int> PositionsOf(IEnumerable<int> ids) =>
            ids.Select(id => _positionOfId.TryGetValue(id, out var position) ? position : -1).Where(p => p >= 0).ToHashSet();

        public int AreaCount(int[] counts, int areaId) => _areaNumbers.TryGetValue(areaId, out var n) ? counts[n] : 0;

        public int ConcentrationCount(int[] counts, int areaId, string slug) =>
            _concentrationNumbers.TryGetValue((areaId, slug), out var n) ? counts[n] : 0;

        /// <summary>A sub-area's count in every area that has one by this slug (an older link's bare sub-area).</summary>
        public int ConcentrationCount(int[] counts, string slug) =>
            _concentrationNumbers.Where(c => c.Key.Slug == slug).Sum(c => counts[c.Value]);

        public int RegionCount(int[] counts, string slug) => _regionNumbers.TryGetValue(slug, out var n) ? counts[n] : 0;

        /// <summary>The countries counted at least once, with their codes.</summary>
        public IEnumerable<(string Code, int Count)> CountryCounts(int[] counts)
        {
            for (var n = 0; n < counts.Length; n++)
            {
                if (counts[n] > 0)
                {
                    yield return (_countryCodes[n], counts[n]);
                }
            }
        }

        /// <summary>The years counted at least once.</summary>
        public IEnumerable<(int Year, int Count)> YearCounts(int[] counts)
        {
            for (var n = 0; n < counts.Length; n++)
            {
                if (counts[n] > 0)
                {
                    yield return (_firstYear + n, counts[n]);
                }
            }
        }

        public int YearTotal(CatalogueCounts counts, int year) => counts.YearTotals[year - _firstYear];

        public int YearAreaCount(CatalogueCounts counts, int year, int areaId) =>
            _areaNumbers.TryGetValue(areaId, out var n) ? counts.YearAreas[year - _firstYear][n] : 0;

        /// <summary>
        /// The rows matching every criterion (ascending positions), each facet's counts under all criteria but its own,
        /// and the matching rows' counts. The answer to one criterion alone is kept per value (a few hundred of them), so a
        /// question of two criteria takes its two filtered facets from those and visits only the shorter of its two
        /// lists of rows: a catalogue page then costs the size of its answer, not of the catalogue.
        /// </summary>
        public CatalogueCounts Count(Criteria criteria)
        {
            if (criteria.IsEmpty && _everything is not null)
            {
                return _everything;
            }

            var active = new List<Criterion>(5);
            void Want<TKey>(Dimension dimension, TKey key, Dictionary<TKey, int> numbers, int[][] postings)
                where TKey : notnull
            {
                var number = numbers.GetValueOrDefault(key, NoValue);
                active.Add(new Criterion(dimension, number, number == NoValue ? [] : postings[number]));
            }

            if (criteria.AreaId is { } areaId)
            {
                Want(Dimension.Area, areaId, _areaNumbers, _byArea);
            }

            if (criteria.Concentration is { } slug)
            {
                Want(Dimension.Concentration, slug, _slugNumbers, _bySlug);
            }

            if (criteria.Country is { } country)
            {
                Want(Dimension.Country, country, _countryNumbers, _byCountry);
            }

            if (criteria.Region is { } region)
            {
                Want(Dimension.Region, region, _regionNumbers, _byRegion);
            }

            if (criteria.Year is { } year)
            {
                var n = year - _firstYear;
                active.Add(new Criterion(Dimension.Year, year, n >= 0 && n < _yearCount ? _byYear[n] : []));
            }

            active.Sort((a, b) => a.Rows.Length.CompareTo(b.Rows.Length));
            if (criteria.Hits is { } hits)
            {
                return CountInOnePass(active, hits);
            }

            if (active.Count == 1)
            {
                return Alone(active[0]);
            }

            // The matching rows are on the shortest list; they also count in the facets of the dimensions not filtered.
            var counts = NewCounts(new List<int>());
            var filtered = active.Select(c => c.Dimension).ToHashSet();
            foreach (var i in active[0].Rows)
            {
                if (PassesAll(i, active))
                {
                    AddMatchingRow(counts, i, except: filtered);
                }
            }

            // A filtered dimension's facet counts the rows that pass every other criterion.
            foreach (var own in active)
            {
                var others = active.Where(c => c != own).ToList();
                if (others.Count == 1)
                {
                    counts.Facets[(int)own.Dimension] = Alone(others[0]).Facets[(int)own.Dimension];
                    continue;
                }

                foreach (var i in others[0].Rows)
                {
                    if (PassesAll(i, others))
                    {
                        AddToFacet(counts.Facets[(int)own.Dimension], own.Dimension, i);
                    }
                }
            }

            return counts;
        }

        private sealed record Criterion(Dimension Dimension, int Value, int[] Rows);

        private readonly ConcurrentDictionary<(Dimension, int), CatalogueCounts> _alone = new();

        /// <summary>The answer to one criterion alone, kept per value: its own facet is the unfiltered one.</summary>
        private CatalogueCounts Alone(Criterion criterion) =>
            _alone.GetOrAdd((criterion.Dimension, criterion.Value), _ =>
            {
                var counts = NewCounts(criterion.Rows);
                counts.Facets[(int)criterion.Dimension] = _everything!.Facets[(int)criterion.Dimension];
                Dimension[] own = [criterion.Dimension];
                foreach (var i in criterion.Rows)
                {
                    AddMatchingRow(counts, i, except: own);
                }

                return counts;
            });

        /// <summary>
        /// Every count in one pass over the rows that can count anywhere: a row failing two criteria counts nowhere, so
        /// the text search's hits (or, without one, every row) are visited once, and a row failing one criterion counts in
        /// that criterion's facet only.
        /// </summary>
        private CatalogueCounts CountInOnePass(List<Criterion> active, HashSet<int>? hits)
        {
            var counts = NewCounts(active.Count == 0 && hits is null ? _all : new List<int>());
            int[] candidates;
            if (hits is null)
            {
                candidates = _all;
            }
            else
            {
                candidates = hits.ToArray();
                Array.Sort(candidates);
            }

            foreach (var i in candidates)
            {
                var failed = NoValue;
                var failures = 0;
                foreach (var criterion in active)
                {
                    if (!Passes(i, criterion) && ++failures == 1)
                    {
                        failed = (int)criterion.Dimension;
                    }
                }

                if (failures == 0)
                {
                    AddMatchingRow(counts, i, except: []);
                }
                else if (failures == 1)
                {
                    AddToFacet(counts.Facets[failed], (Dimension)failed, i);
                }
            }

            return counts;
        }

        private CatalogueCounts NewCounts(IReadOnlyList<int> matching) => new()
        {
            Matching = matching,
            Facets = [new int[_areaNumbers.Count], new int[_concentrationNumbers.Count], new int[_countryNumbers.Count],
                new int[_regionNumbers.Count], new int[_yearCount]],
            Areas = new int[_areaNumbers.Count],
            Concentrations = new int[_concentrationNumbers.Count],
            Countries = new int[_countryNumbers.Count],
            Regions = new int[_regionNumbers.Count],
            YearTotals = new int[_yearCount],
            YearAreas = Enumerable.Range(0, _yearCount).Select(_ => new int[_areaNumbers.Count]).ToArray(),
        };

        private bool PassesAll(int i, List<Criterion> criteria)
        {
            foreach (var criterion in criteria)
            {
                if (!Passes(i, criterion))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The rows at these positions in the chosen order, from <paramref name="skip"/> on.</summary>
        public IEnumerable<ProjectRow> Ordered(IReadOnlyList<int> positions, ProjectSort sort, int skip, int take)
        {
            var (order, rank) = (_order[(int)sort], _rank[(int)sort]);
            if (positions.Count == _rows.Count)
            {
                return order.Skip(skip).Take(take).Select(i => _rows[i]);
            }

            var ranks = new int[positions.Count];
            for (var i = 0; i < ranks.Length; i++)
            {
                ranks[i] = rank[positions[i]];
            }

            Array.Sort(ranks);
            return ranks.Skip(skip).Take(take).Select(r => _rows[order[r]]);
        }

        // A criterion's value is the wanted value's number (NoValue matches no row), or the year itself.
        private bool Passes(int i, Criterion criterion) => criterion.Dimension switch
        {
            Dimension.Area => _areaOf[i] == criterion.Value,
            Dimension.Concentration => _slugOf[i] == criterion.Value,
            Dimension.Country => Contains(_countriesOf[i], criterion.Value),
            Dimension.Region => Contains(_regionsOf[i], criterion.Value),
            _ => _rows[i].StartYear <= criterion.Value && _rows[i].EndYear >= criterion.Value,
        };

        /// <summary>
        /// A matching row: kept in the matching list (unless that is a list of rows already), counted for the map and the
        /// charts, and in every facet but those <paramref name="except"/>, whose counts come from elsewhere.
        /// </summary>
        private void AddMatchingRow(CatalogueCounts counts, int i, IReadOnlyCollection<Dimension> except)
        {
            (counts.Matching as List<int>)?.Add(i);
            AddToMatching(counts, i);
            for (var d = 0; d < counts.Facets.Length; d++)
            {
                if (!except.Contains((Dimension)d))
                {
                    AddToFacet(counts.Facets[d], (Dimension)d, i);
                }
            }
        }

        // A row has one to a few countries and regions: a plain loop beats Array.IndexOf's generic comparer here.
        private static bool Contains(int[] numbers, int wanted)
        {
            foreach (var n in numbers)
            {
                if (n == wanted)
                {
                    return true;
                }
            }

            return false;
        }

        private void AddToFacet(int[] counts, Dimension dimension, int i)
        {
            switch (dimension)
            {
                case Dimension.Area:
                    counts[_areaOf[i]]++;
                    break;
                case Dimension.Concentration:
                    counts[_concentrationOf[i]]++;
                    break;
                case Dimension.Country:
                    foreach (var n in _countriesOf[i])
                    {
                        counts[n]++;
                    }

                    break;
                case Dimension.Region:
                    foreach (var n in _regionsOf[i])
                    {
                        counts[n]++;
                    }

                    break;
                default:
                    for (var year = _rows[i].StartYear; year <= _rows[i].EndYear; year++)
                    {
                        counts[year - _firstYear]++;
                    }

                    break;
            }
        }

        private void AddToMatching(CatalogueCounts counts, int i)
        {
            var (row, area) = (_rows[i], _areaOf[i]);
            counts.Areas[area]++;
            counts.Concentrations[_concentrationOf[i]]++;
            AddToFacet(counts.Countries, Dimension.Country, i);
            AddToFacet(counts.Regions, Dimension.Region, i);
            if (_countriesOf[i].Length == 0)
            {
                counts.WithoutCountry++;
            }

            for (var year = row.StartYear; year <= row.EndYear; year++)
            {
                counts.YearTotals[year - _firstYear]++;
                counts.YearAreas[year - _firstYear][area]++;
            }

            counts.FirstMatchingYear = Math.Min(counts.FirstMatchingYear, row.StartYear);
            counts.LastMatchingYear = Math.Max(counts.LastMatchingYear, row.EndYear);
        }

        private int[][] Postings(int values, Func<int, IEnumerable<int>> valuesOf)
        {
            var lists = Enumerable.Range(0, values).Select(_ => new List<int>()).ToArray();
            for (var i = 0; i < _rows.Count; i++)
            {
                foreach (var value in valuesOf(i))
                {
                    lists[value].Add(i);
                }
            }

            return lists.Select(l => l.ToArray()).ToArray();
        }
    }
}
