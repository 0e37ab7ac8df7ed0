// Where and SqlValue: values become safe T-SQL literals, never pasted text.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "caspio/caspio.hpp"

using caspio::InvalidArgumentError;
using caspio::Where;

TEST(Where, QuotesStringsAndDoublesSingleQuotes) {
  EXPECT_EQ(Where("Last_Name = {}", "O'Brien").str(), "Last_Name = 'O''Brien'");
  EXPECT_EQ(Where("A = {}", std::string("x''y")).str(), "A = 'x''''y'");
  EXPECT_EQ(Where("A = {}", std::string_view("it's")).str(), "A = 'it''s'");
}

TEST(Where, InjectionAttemptStaysInsideOneLiteral) {
  const Where w("Email = {}", "x' OR '1'='1");
  EXPECT_EQ(w.str(), "Email = 'x'' OR ''1''=''1'");
}

TEST(Where, NumbersUnquotedBoolAsBitNullAsNull) {
  EXPECT_EQ(Where("ViewCount > {}", 42).str(), "ViewCount > 42");
  EXPECT_EQ(Where("V = {}", std::int64_t{-9000000000}).str(), "V = -9000000000");
  EXPECT_EQ(Where("V = {}", 2.5).str(), "V = 2.5");
  EXPECT_EQ(Where("V = {}", 0.1).str(), "V = 0.1");
  EXPECT_EQ(Where("Active = {}", true).str(), "Active = 1");
  EXPECT_EQ(Where("Active = {}", false).str(), "Active = 0");
  EXPECT_EQ(Where("Title IS {}", nullptr).str(), "Title IS NULL");
  EXPECT_EQ(Where("A = {}", std::optional<int>{}).str(), "A = NULL");
  EXPECT_EQ(Where("A = {}", std::optional<std::string>{"q'"}).str(), "A = 'q'''");
}

TEST(Where, VectorsBecomeInLists) {
  EXPECT_EQ(Where("State IN {}", std::vector<std::string>{"MI", "O'H"}).str(),
            "State IN ('MI', 'O''H')");
  EXPECT_EQ(Where("PK_ID IN {}", std::vector<int>{1, 2, 3}).str(), "PK_ID IN (1, 2, 3)");
  EXPECT_THROW(Where("PK_ID IN {}", std::vector<int>{}), InvalidArgumentError);
}

TEST(Where, SeveralPlaceholdersAndEscapedBraces) {
  EXPECT_EQ(Where("A = {} AND B = {} AND C = '{{x}}'", 1, "b").str(),
            "A = 1 AND B = 'b' AND C = '{x}'");
}

TEST(Where, RefusesMismatchedPlaceholdersAndBadValues) {
  EXPECT_THROW(Where("A = {} AND B = {}", 1), InvalidArgumentError);
  EXPECT_THROW(Where("A = 1", 2), InvalidArgumentError);
  EXPECT_THROW(Where("A = {", 1), InvalidArgumentError);
  EXPECT_THROW(Where("A = }"), InvalidArgumentError);
  EXPECT_THROW(Where("A = {0}", 1), InvalidArgumentError);
  EXPECT_THROW(Where("A = {}", std::numeric_limits<double>::quiet_NaN()), InvalidArgumentError);
  EXPECT_THROW(Where("A = {}", std::numeric_limits<double>::infinity()), InvalidArgumentError);
  EXPECT_THROW(Where("A = {}", std::string("a\0b", 3)), InvalidArgumentError);
  EXPECT_THROW(Where("A = {}", static_cast<const char*>(nullptr)), InvalidArgumentError);
}

TEST(Where, PlainClausesRawAndAll) {
  const Where plain = "Email = 'a@b.c'";  // implicit from a literal, as the seed passes strings
  EXPECT_EQ(plain.str(), "Email = 'a@b.c'");
  EXPECT_FALSE(plain.matches_all());
  EXPECT_EQ(Where::raw("X = '{}'").str(), "X = '{}'");
  EXPECT_TRUE(Where().empty());
  const Where all = Where::all();
  EXPECT_FALSE(all.empty());
  EXPECT_TRUE(all.matches_all());
  EXPECT_EQ(all.str(), "1=1");
}

TEST(Where, NonAsciiStringsPassThroughUnchanged) {
  EXPECT_EQ(Where("N = {}", "Zoë O'Neïl").str(), "N = 'Zoë O''Neïl'");
}

// Issue 16 item 9: a placeholder inside a quoted literal would put the quoted value inside the
// literal, where its own quotes end the literal: `Name = '{}'` with "x' OR 1=1 --" injected.
TEST(Where, PlaceholderInsideAQuotedStringIsRefused) {
  EXPECT_THROW(Where("Name = '{}'", "x' OR 1=1 --"), InvalidArgumentError);
  EXPECT_THROW(Where("Name LIKE '%{}%'", "a"), InvalidArgumentError);
  EXPECT_THROW(Where("A = {} AND B = 'it''s {}'", 1, "b"), InvalidArgumentError);
  // Outside the literals, and braces inside them, still fine.
  EXPECT_EQ(Where("A = 'it''s' AND B = {}", "x").str(), "A = 'it''s' AND B = 'x'");
  EXPECT_EQ(Where("A = '{{}}' AND B = {}", 2).str(), "A = '{}' AND B = 2");
}
