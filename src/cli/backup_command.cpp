// `guiche backup`, `guiche restore` and `guiche check`: the operator's tools
// for a desk's data (the work itself is in operations/).
#include <iostream>
#include <memory>

#include "cli/options.hpp"
#include "cli/subcommands.hpp"
#include "operations/backup.hpp"
#include "operations/data_check.hpp"
#include "operations/operation_refused.hpp"
#include "operations/restore.hpp"

namespace guiche::cli {
namespace {

struct BackupOptions {
  StoreOptions store;
  std::string to;
};

struct RestoreOptions {
  std::string from;
  std::string data_dir;
  bool force = false;
};

std::string megabytes(std::int64_t bytes) {
  const auto tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
  return std::to_string(tenths / 10) + "," + std::to_string(tenths % 10) + " MB";
}

int run_backup(const BackupOptions& o) {
  const auto report = operations::make_backup({o.store.data_dir, o.store.database_url, o.to});
  if (report.manifest.engine == "postgresql") {
    std::cout << "backup dos anexos gravado em " << o.to << ": " << report.blob_count
              << " arquivo(s), " << megabytes(report.blob_bytes) << " (esquema na versão "
              << report.manifest.schema_version << ")\n"
              << "O banco PostgreSQL não vai neste arquivo. Guarde-o com pg_dump, rodado ANTES "
                 "de guiche backup (assim todo anexo que o dump cita está neste arquivo):\n  "
              << report.pg_dump_command << "\n";
    return 0;
  }
  std::cout << "backup gravado em " << o.to << ": banco " << megabytes(report.database_bytes)
            << ", " << report.blob_count << " arquivo(s) de anexos " << megabytes(report.blob_bytes)
            << ", esquema na versão " << report.manifest.schema_version << "\n";
  return 0;
}

int run_restore(const RestoreOptions& o) {
  const auto report = operations::restore_backup({o.from, o.data_dir, o.force});
  if (!report.previous_moved_to.empty()) {
    std::cout << "os dados que estavam em " << o.data_dir << " foram guardados em "
              << report.previous_moved_to << "\n";
  }
  std::cout << "backup de " << report.manifest.created_at << " restaurado em " << o.data_dir << ": "
            << report.blob_count << " arquivo(s) de anexos";
  if (report.manifest.engine == "postgresql") {
    std::cout << "\nEste backup é de um Guichê em PostgreSQL: restaure o banco com o dump feito "
                 "junto com ele, por exemplo:\n  "
              << report.pg_restore_command << "\n";
    return 0;
  }
  std::cout << ", esquema na versão " << report.schema_in_backup
            << " (migrações aplicadas: " << report.migrations_applied << ")\n";
  return 0;
}

int run_check(const StoreOptions& o) {
  const auto report = operations::check_data(o.data_dir, o.database_url);
  int problems = 0;
  for (const auto& s : report.sections) {
    const char* verdict = s.skipped ? "não verificado" : s.problems.empty() ? "ok" : "FALHOU";
    std::cout << s.title << ": " << verdict << " — " << s.summary << "\n";
    for (const auto& p : s.problems) std::cout << "  - " << p << "\n";
    problems += static_cast<int>(s.problems.size());
  }
  if (report.passed()) {
    std::cout << "verificação: tudo certo\n";
    return 0;
  }
  std::cout << "verificação: " << problems << " problema(s)\n";
  return 1;
}

// A refused operation is the operator's message, not a crash: printed as is.
template <typename Fn>
int refusing(Fn&& fn) {
  try {
    return fn();
  } catch (const operations::OperationRefused& e) {
    std::cerr << "guiche: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace

void add_backup(CLI::App& app, Runners& runners) {
  auto backup = std::make_shared<BackupOptions>();
  auto* backup_command = app.add_subcommand(
      "backup", "copia o banco e os anexos para um arquivo, com o servidor no ar");
  backup->store.add_to(*backup_command);
  backup_command->add_option("--to", backup->to, "arquivo a gravar (ex.: guiche.tar.zst)")
      ->required();
  runners[backup_command] = [backup] { return refusing([&] { return run_backup(*backup); }); };

  auto restore = std::make_shared<RestoreOptions>();
  auto* restore_command =
      app.add_subcommand("restore", "verifica um backup inteiro e o restaura numa pasta de dados");
  restore_command->add_option("--from", restore->from, "arquivo de backup")->required();
  restore_command->add_option("--data", restore->data_dir, "pasta de dados a restaurar")
      ->required();
  restore_command->add_flag("--force", restore->force,
                            "substitui um banco que já esteja na pasta (o atual é guardado)");
  runners[restore_command] = [restore] {
    try {
      return run_restore(*restore);
    } catch (const operations::OperationRefused& e) {
      std::cerr << "guiche: " << e.what() << "\nnada foi restaurado: " << restore->data_dir
                << " ficou como estava\n";
      return 1;
    }
  };

  auto check = std::make_shared<StoreOptions>();
  auto* check_command = app.add_subcommand(
      "check", "verifica o banco, os arquivos dos anexos e os chamados contra seus eventos");
  check->add_to(*check_command);
  runners[check_command] = [check] { return refusing([&] { return run_check(*check); }); };
}

}  // namespace guiche::cli
