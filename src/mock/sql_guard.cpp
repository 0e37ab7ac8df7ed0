#include "sql_guard.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "sql_functions.hpp"

namespace caspio {
namespace mock {
namespace detail {

namespace {

struct AuthState {
  const ReadScope* scope = nullptr;
  std::string password_column;
  std::string other_object;
  std::string denied_action;
  /// A function refused because it allocates without bound and T-SQL has no such name.
  std::string unknown_function;
};

// SQLite functions that build values of any size from a small argument. Caspio's T-SQL has none of
// them; the value limit would stop them too, but printf() only turns NULL there.
bool unbounded_function(const std::string& name) {
  return name == "zeroblob" || name == "randomblob" || name == "printf" || name == "format";
}

int authorize(void* user, int action, const char* a, const char* b, const char*, const char*) {
  auto* state = static_cast<AuthState*>(user);
  switch (action) {
    case SQLITE_SELECT:
      return SQLITE_OK;
    case SQLITE_FUNCTION: {
      std::string name = b ? ascii_lower(b) : "";
      if (name == "load_extension" || name.rfind("sqlite_", 0) == 0 || name == "readfile" ||
          name == "writefile" || name == "fts3_tokenizer") {
        state->denied_action = name;
        return SQLITE_DENY;
      }
      if (unbounded_function(name)) {
        state->unknown_function = b;
        return SQLITE_DENY;
      }
      return SQLITE_OK;
    }
    case SQLITE_READ: {
      std::string table = a ? a : "";
      std::string column = b ? ascii_lower(b) : "";
      if (!iequals(table, state->scope->table)) {
        state->other_object = table;
        return SQLITE_DENY;
      }
      if (state->scope->passwords.count(column) != 0) {
        state->password_column = b;
        return SQLITE_DENY;
      }
      if (column.empty() || state->scope->readable.count(column) != 0) return SQLITE_OK;
      state->other_object = b ? b : "";
      return SQLITE_DENY;
    }
    default:
      state->denied_action = std::to_string(action);
      return SQLITE_DENY;
  }
}

std::string after_prefix(const std::string& message, const std::string& prefix) {
  return message.substr(prefix.size());
}

}  // namespace

void check_fragment(const std::string& f) {
  int depth = 0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    char c = f[i];
    if (c == '\'' || c == '"' || c == '[' || c == '`') {
      char close = c == '[' ? ']' : c;
      std::size_t j = i + 1;
      for (;; ++j) {
        if (j >= f.size()) throw sql_error("Unclosed quotation mark after the character string.");
        if (f[j] == close) {
          if (close != ']' && j + 1 < f.size() && f[j + 1] == close) {
            ++j;
            continue;
          }
          break;
        }
      }
      i = j;
    } else if (c == '-' && i + 1 < f.size() && f[i + 1] == '-') {
      auto nl = f.find('\n', i);
      i = nl == std::string::npos ? f.size() : nl;
    } else if (c == '/' && i + 1 < f.size() && f[i + 1] == '*') {
      auto end = f.find("*/", i + 2);
      if (end == std::string::npos) throw sql_error("Missing end comment mark '*/'.");
      i = end + 1;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth < 0) throw sql_error("Incorrect syntax near ')'.");
    } else if (c == ';') {
      throw sql_error("Incorrect syntax near ';'.");
    } else if (c == '?' || c == ':' || c == '@' || c == '$') {
      throw sql_error(std::string("Incorrect syntax near '") + c + "'.");
    }
  }
  if (depth != 0) throw sql_error("Incorrect syntax near '('.");
}

ApiError translate_sql_error(const std::string& m, int status) {
  auto make = [&](const std::string& text) { return ApiError(status, "SqlServerError", text); };
  if (m.rfind("no such column: ", 0) == 0) {
    std::string name = after_prefix(m, "no such column: ");
    auto dot = name.rfind('.');
    if (dot != std::string::npos) name = name.substr(dot + 1);
    return make("Invalid column name '" + name + "'.");
  }
  if (m.rfind("near \"", 0) == 0) {
    auto end = m.find("\": syntax error");
    std::string token = m.substr(6, end == std::string::npos ? std::string::npos : end - 6);
    return make("Incorrect syntax near '" + token + "'.");
  }
  if (m.rfind("no such function: ", 0) == 0) {
    return make("'" + after_prefix(m, "no such function: ") +
                "' is not a recognized built-in function name.");
  }
  if (m.rfind("no such table: ", 0) == 0) {
    return make("Invalid object name '" + after_prefix(m, "no such table: ") + "'.");
  }
  if (m == "incomplete input" || m.rfind("unrecognized token", 0) == 0) {
    return make("Incorrect syntax near the end of the expression.");
  }
  return make(m);
}

ApiError sql_failure(const SqlError& e) {
  switch (e.code()) {
    case SQLITE_INTERRUPT:
      return ApiError(500, "SqlServerError",
                      "Execution Timeout Expired. The timeout period elapsed prior to completion "
                      "of the operation or the server is not responding.");
    case SQLITE_TOOBIG:
    case SQLITE_NOMEM:
      return sql_error("The query builds a value larger than the emulator allows (" +
                       std::to_string(kMaxValueBytes / (1024 * 1024)) + " MB).");
    default:
      return translate_sql_error(e.what());
  }
}

Stmt prepare_read(sqlite3* db, const std::string& sql, const ReadScope& scope,
                  int unknown_column_status) {
  AuthState state;
  state.scope = &scope;
  sqlite3_set_authorizer(db, authorize, &state);
  try {
    Stmt stmt(db, sql);
    sqlite3_set_authorizer(db, nullptr, nullptr);
    if (sqlite3_bind_parameter_count(stmt.get()) != 0 || !sqlite3_stmt_readonly(stmt.get())) {
      throw sql_error("Incorrect syntax.");
    }
    return stmt;
  } catch (const SqlError& e) {
    sqlite3_set_authorizer(db, nullptr, nullptr);
    if (e.code() == SQLITE_INTERRUPT || e.code() == SQLITE_TOOBIG || e.code() == SQLITE_NOMEM) {
      throw sql_failure(e);
    }
    if (!state.password_column.empty()) {
      throw bad_query("Password field '" + state.password_column +
                      "' cannot be selected, filtered, grouped or sorted on.");
    }
    if (!state.other_object.empty()) {
      throw ApiError(unknown_column_status, "SqlServerError",
                     "Invalid object name '" + state.other_object + "'.");
    }
    if (!state.unknown_function.empty()) {
      throw sql_error("'" + state.unknown_function +
                      "' is not a recognized built-in function name.");
    }
    if (!state.denied_action.empty()) {
      throw sql_error("The statement is not allowed in a query parameter.");
    }
    std::string message = e.what();
    bool unknown_column = message.rfind("no such column: ", 0) == 0;
    throw translate_sql_error(message, unknown_column ? unknown_column_status : 400);
  }
}

}  // namespace detail
}  // namespace mock
}  // namespace caspio
