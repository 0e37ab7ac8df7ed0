// `caspio files ls | get | put | rm`: the Files area by path.
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>

#include "commands/commands.hpp"
#include "commands/listing.hpp"
#include "output/record_writer.hpp"
#include "support/cli_error.hpp"
#include "support/interrupt.hpp"

namespace caspio_cli {
namespace {

std::string base_name(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string dir_name(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// Follows the byte counts of the next transfer on a progress line while alive.
class TransferProgress {
 public:
  TransferProgress(Context& ctx, const std::string& label)
      : ctx_(ctx), progress_(label, ProgressUnit::bytes, ctx.progress_wanted()) {
    ctx_.transfers().on_bytes = [this](std::uint64_t done, std::uint64_t total) {
      if (total > 0) progress_.set_total(total);
      progress_.update(done);
    };
  }
  ~TransferProgress() { ctx_.transfers().on_bytes = nullptr; }
  TransferProgress(const TransferProgress&) = delete;
  TransferProgress& operator=(const TransferProgress&) = delete;
  void finish() { progress_.finish(); }

 private:
  Context& ctx_;
  Progress progress_;
};

std::vector<nlohmann::json> listing_rows(const caspio::FolderListing& listing) {
  std::vector<nlohmann::json> rows;
  for (const auto& d : listing.folders) {
    rows.push_back({{"Type", "folder"},
                    {"Name", d.name},
                    {"DateCreated", d.date_created},
                    {"ExternalKey", d.external_key}});
  }
  for (const auto& f : listing.files) {
    rows.push_back({{"Type", "file"},
                    {"Name", f.name},
                    {"Size", f.size},
                    {"ContentType", f.content_type},
                    {"DateCreated", f.date_created},
                    {"LastModified", f.last_modified},
                    {"ExternalKey", f.external_key}});
  }
  return rows;
}

int run_ls(Context& ctx, const std::string& path) {
  const caspio::Files files = ctx.client().files();
  caspio::FolderListing listing;
  if (path.empty() || path == "/") {
    listing = files.metadata_by_key("");
  } else {
    try {
      listing = files.metadata_by_key(files.folder_metadata_by_path(path).external_key);
    } catch (const caspio::NotFoundError&) {
      listing.files.push_back(files.metadata_by_path(path));
    }
  }
  print_listing(
      ctx, {"Type", "Name", "Size", "ContentType", "DateCreated", "LastModified", "ExternalKey"},
      listing_rows(listing));
  return exit_ok;
}

void copy_to_stdout(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::cout << in.rdbuf();
  std::cout.flush();
  if (!in || !std::cout) throw CliError(exit_other, "cannot write the file to stdout");
}

int run_get(Context& ctx, const std::string& path, const std::string& output) {
  const caspio::Files files = ctx.client().files();
  GracefulInterrupt graceful;
  TransferProgress progress(ctx, "get " + base_name(path));
  caspio::DownloadResult result;
  struct stat st {};
  if (output.empty() || (::stat(output.c_str(), &st) == 0 && S_ISDIR(st.st_mode))) {
    result = files.download_by_path(path, "", output);  // under its own name
  } else {
    // Download next to the destination under a private name, then rename (or copy to stdout).
    const bool to_stdout = output == "-";
    const std::string dir =
        to_stdout ? (std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") : dir_name(output);
    const std::string temp_stem = fmt::format(
        ".{}.caspio-{}", to_stdout ? std::string("stdout") : base_name(output), ::getpid());
    result = files.download_by_path(path, temp_stem, dir);
    if (interrupted()) {
      ::unlink(result.path.c_str());
      return interrupt_exit_code();
    }
    if (to_stdout) {
      copy_to_stdout(result.path);
      ::unlink(result.path.c_str());
      progress.finish();
      return exit_ok;
    }
    if (std::rename(result.path.c_str(), output.c_str()) != 0) {
      const int err = errno;
      ::unlink(result.path.c_str());
      throw CliError(exit_other, fmt::format("cannot write {}: {}", output, std::strerror(err)));
    }
    result.path = output;
  }
  progress.finish();
  print_object(std::cout, ctx.format(), {"path", "bytes", "content_type"}, result);
  return exit_ok;
}

void check_readable(const std::vector<std::string>& paths) {
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    char c = 0;
    if (!in || (!in.get(c) && !in.eof())) {
      throw CliError(exit_other, fmt::format("cannot read {}: {}", p, std::strerror(errno)));
    }
  }
}

int run_put(Context& ctx, const std::vector<std::string>& sources, const std::string& folder,
            bool overwrite) {
  check_readable(sources);
  const caspio::Files files = ctx.client().files();
  GracefulInterrupt graceful;
  std::vector<nlohmann::json> rows;
  bool skipped_any = false;
  if (overwrite) {
    for (const auto& source : sources) {
      if (interrupted()) return interrupt_exit_code();
      TransferProgress progress(ctx, "put " + base_name(source));
      const auto r = files.upload_overwrite_by_path(source, folder);
      progress.finish();
      rows.push_back({{"Name", r.file.name},
                      {"ExternalKey", r.file.external_key},
                      {"Result", r.created ? "created" : "overwritten"}});
    }
  } else {
    TransferProgress progress(ctx, sources.size() == 1
                                       ? "put " + base_name(sources[0])
                                       : fmt::format("put {} files", sources.size()));
    const auto r = files.upload_by_path({sources.begin(), sources.end()}, folder);
    progress.finish();
    for (const auto& f : r.uploaded) {
      rows.push_back({{"Name", f.name}, {"ExternalKey", f.external_key}, {"Result", "created"}});
    }
    for (const auto& name : r.skipped) {
      rows.push_back({{"Name", name}, {"Result", "skipped"}});
      std::cerr << "caspio: files put: skipped " << name << ": " << folder
                << " already has that name (use --overwrite to replace a file)\n";
      skipped_any = true;
    }
  }
  print_rows(std::cout, ctx.format(), {"Name", "Result", "ExternalKey"}, rows);
  return skipped_any ? exit_partial : exit_ok;
}

}  // namespace

void add_files_commands(CLI::App& app, Context& ctx) {
  struct Args {
    std::string path;
    std::string output;
    std::vector<std::string> sources;
    std::string folder = "/";
    bool overwrite = false;
  };
  auto args = std::make_shared<Args>();
  auto* group = app.add_subcommand("files", "The Files area: ls, get, put, rm");
  group->require_subcommand(1);

  auto* ls = group->add_subcommand("ls", "List a folder (or show one file)");
  ls->add_option("PATH", args->path, "Folder or file path, e.g. /Demo (default: the root)");
  on_run(ls, ctx, [&ctx, args] { return run_ls(ctx, args->path); });

  auto* get = group->add_subcommand("get", "Download a file");
  get->add_option("PATH", args->path, "File path, e.g. /Demo/LelahHoppe.png")->required();
  get->add_option("-o,--output", args->output,
                  "Local file to write (\"-\" = stdout); default: its name in the current "
                  "directory");
  on_run(get, ctx, [&ctx, args] { return run_get(ctx, args->path, args->output); });

  auto* put = group->add_subcommand("put", "Upload files");
  put->add_option("FILE", args->sources, "Local files")->required();
  put->add_option("--to", args->folder, "Folder to upload into")->capture_default_str();
  put->add_flag("--overwrite", args->overwrite, "Replace files of the same name");
  on_run(put, ctx,
         [&ctx, args] { return run_put(ctx, args->sources, args->folder, args->overwrite); });

  auto* rm = group->add_subcommand("rm", "Delete a file");
  rm->add_option("PATH", args->path, "File path")->required();
  on_run(rm, ctx, [&ctx, args] {
    ctx.client().files().delete_by_path(args->path);
    print_object(std::cout, ctx.format(), {"deleted"}, {{"deleted", args->path}});
    return exit_ok;
  });
}

}  // namespace caspio_cli
