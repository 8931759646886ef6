#pragma once
// Temporary umbrella over the per-table row mappings of the directory, for the
// files that still include it; include the specific header instead.
#include "store/authorization_rows.hpp"
#include "store/organization_rows.hpp"
#include "store/person_rows.hpp"
#include "store/service_rows.hpp"
#include "store/unit_rows.hpp"
