// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Compiles the precompiled Qt headers that every test of one flavour reuses (tests/CMakeLists.txt); no code.
