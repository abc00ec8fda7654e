using Microsoft.EntityFrameworkCore.Migrations;
using SeoulPolicyPortal.Web.Data.Search;

#nullable disable

namespace SeoulPolicyPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Provider-specific (Data/Search): the full-text index's triggers stop reading whole tables at every save.
            foreach (var sql in SqliteSearchSchema.KeyIndexes().Concat(SqliteSearchSchema.RecreateTriggers()))
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in SqliteSearchSchema.DropKeyIndexes())
            {
                migrationBuilder.Sql(sql);
            }
        }
    }
}
