using Microsoft.EntityFrameworkCore.Migrations;
using SeoulPolicyPortal.Web.Data.Search;

#nullable disable

namespace SeoulPolicyPortal.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class SearchAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Provider-specific (Data/Search): the full-text index's triggers stop reading whole tables at every save.
            foreach (var sql in PostgresSearchSchema.KeyIndexes())
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in PostgresSearchSchema.DropKeyIndexes())
            {
                migrationBuilder.Sql(sql);
            }
        }
    }
}
